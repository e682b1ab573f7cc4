package org.wslab.benchmarks.deflate;

/**
 * One implementation's permessage-deflate round trip (RFC 7692 §7.2.1 compress, §7.2.2
 * decompress) of a whole message, holding its compressor and decompressor across messages
 * (context takeover, §7.1.1) and its output buffers across calls.
 */
interface RoundTrip extends AutoCloseable {
    /** Compresses {@code message} as one frame payload and inflates it again; the inflated length. */
    int roundTrip(byte[] message);

    /** Octets of the compressed payload of the last round trip (tail removed, §7.2.1). */
    int compressedSize();

    /** A copy of what the last round trip inflated, for the agreement check. */
    byte[] inflated();

    @Override
    void close();
}
