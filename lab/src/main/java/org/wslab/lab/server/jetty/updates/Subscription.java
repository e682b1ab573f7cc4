package org.wslab.lab.server.jetty.updates;

/** A live subscription; {@link #cancel()} is idempotent and frees its place under the limit. */
public interface Subscription {
    /** Stops the updates. */
    void cancel();
}
