package org.wslab.lab.client;

/**
 * Sees how far an {@link EchoRun} is: called after each fragment sent and each echo received, on the
 * run's thread, so a command can show progress on long work (DESIGN.md, "Long work shows progress").
 */
@FunctionalInterface
public interface EchoProgress {
    /** Shows nothing. */
    EchoProgress NONE = (echoed, bytesSent) -> { };

    /**
     * @param echoed    messages whose echo came back so far
     * @param bytesSent message bytes sent so far, counted before compression
     */
    void update(int echoed, long bytesSent);
}
