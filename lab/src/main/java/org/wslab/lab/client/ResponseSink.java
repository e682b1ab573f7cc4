package org.wslab.lab.client;

/**
 * Where {@link HandshakeSocket} delivers the bytes of the server's answer as they arrive: an
 * incremental HTTP response-head parser, typically. It says when it has seen enough.
 */
@FunctionalInterface
public interface ResponseSink {
    /**
     * Takes {@code len} bytes from {@code data} at {@code off}.
     *
     * @return true when no more bytes are wanted (the head ended, or the bytes already break a rule)
     */
    boolean accept(byte[] data, int off, int len);
}
