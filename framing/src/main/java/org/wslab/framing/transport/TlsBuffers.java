package org.wslab.framing.transport;

import java.nio.ByteBuffer;

/**
 * One loop's reused TLS buffers (RFC 8446 §5): the records read, the plaintext they open to, and
 * the record being written. A connection keeps only what is left over — the start of a record, or
 * a record the socket did not take — so a loop's buffers serve all of its connections.
 */
final class TlsBuffers {
    private ByteBuffer input = ByteBuffer.allocate(0);
    private ByteBuffer plaintext = ByteBuffer.allocate(0);
    private ByteBuffer output = ByteBuffer.allocate(0);

    /** The buffer records are read into, at least {@code size} octets, cleared. */
    ByteBuffer input(int size) {
        if (input.capacity() < size) {
            input = ByteBuffer.allocate(size);
        }
        return input.clear();
    }

    /** The buffer records are opened into, at least {@code size} octets, cleared. */
    ByteBuffer plaintext(int size) {
        if (plaintext.capacity() < size) {
            plaintext = ByteBuffer.allocate(size);
        }
        return plaintext.clear();
    }

    /** The buffer a record is sealed into, at least {@code size} octets, cleared. */
    ByteBuffer output(int size) {
        if (output.capacity() < size) {
            output = ByteBuffer.allocate(size);
        }
        return output.clear();
    }
}
