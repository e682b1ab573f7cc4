package org.wslab.lab.client;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request to end an {@link EchoRun} early (Ctrl-C, SIGTERM): the run sends nothing more once it
 * is set, closes with 1000 (RFC 6455 §7.4.1) and reports what it did. Any thread may request it.
 */
public final class EchoStop {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** Asks the run to wind down after the echo it is waiting for. */
    public void request() {
        requested.set(true);
    }

    /** Whether a stop was requested. */
    public boolean requested() {
        return requested.get();
    }
}
