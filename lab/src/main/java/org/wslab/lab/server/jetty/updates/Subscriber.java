package org.wslab.lab.server.jetty.updates;

/**
 * A receiver of live updates: a held long poll, an event stream, a WebSocket session. Called with
 * the feed's lock held, in publication order, so it must not block: it queues or writes
 * asynchronously, and tells the feed when it has had enough by cancelling its subscription.
 */
public interface Subscriber {
    /** A new update. */
    void update(Update update);

    /** The feed closed (its server stops): no more updates come. */
    void ended();
}
