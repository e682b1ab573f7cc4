package org.wslab.conformance.handshake;

/**
 * How a case's request is written: in one write, or cut into writes of {@code writeBytes} with a
 * pause after each. A server must read a request head however TCP delivers it (RFC 9112 §2.1: a
 * message is a byte stream; RFC 6455 §4.2.1 says nothing of how the head arrives).
 *
 * @param writeBytes  bytes per write; 0 for the whole request in one write
 * @param pauseMillis a pause after each write but the last
 */
public record Delivery(int writeBytes, int pauseMillis) {
    /** The whole request in one write. */
    public static final Delivery ONE_WRITE = new Delivery(0, 0);

    public Delivery {
        if (writeBytes < 0 || pauseMillis < 0) {
            throw new IllegalArgumentException("writes and pauses are not negative: " + writeBytes + ", " + pauseMillis);
        }
    }

    /** Writes of {@code n} bytes, {@code pauseMillis} apart. */
    public static Delivery inWritesOf(int n, int pauseMillis) {
        if (n < 1) {
            throw new IllegalArgumentException("a write is at least one byte: " + n);
        }
        return new Delivery(n, pauseMillis);
    }

    @Override
    public String toString() {
        if (writeBytes == 0) {
            return "in one write";
        }
        String writes = writeBytes == 1 ? "one byte per write" : "in writes of " + writeBytes + " bytes";
        return pauseMillis == 0 ? writes : writes + ", " + pauseMillis + " ms apart";
    }
}
