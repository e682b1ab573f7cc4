package org.wslab.benchmarks.polling;

/**
 * A client waiting for the lab's server-side updates one way (polling, long polling, server-sent
 * events, WebSocket), with a thread of its own that receives them.
 */
interface UpdateClient extends AutoCloseable {
    /** Waits until update {@code seq} has arrived; returns the text of the newest one received. */
    String await(long seq);

    /** Called right after each publish; only a polling client without a schedule polls here. */
    default void published() {
    }

    /** Stops the client and its thread. */
    @Override
    void close();
}
