package org.wslab.benchmarks.deflate;

import org.wslab.framing.codec.BoundedBuffer;
import org.wslab.framing.deflate.InflateOutcome;
import org.wslab.framing.deflate.MessageCompressor;
import org.wslab.framing.deflate.MessageDecompressor;

/** Ours: {@link MessageCompressor} and {@link MessageDecompressor} with context takeover, our default. */
final class WslabRoundTrip implements RoundTrip {
    private final MessageCompressor compressor = new MessageCompressor(false);
    private final MessageDecompressor decompressor = new MessageDecompressor(false);
    private final BoundedBuffer into = new BoundedBuffer(Integer.MAX_VALUE);
    private byte[] payload = new byte[0];

    @Override
    public int roundTrip(byte[] message) {
        payload = compressor.compress(message);
        into.clear();
        if (!(decompressor.inflate(payload, into) instanceof InflateOutcome.Inflated inflated)) {
            throw new IllegalStateException("our own payload did not inflate");
        }
        return inflated.bytesAdded();
    }

    /** The last compressed payload, for the check that the JDK's inflater reads it too. */
    byte[] payload() {
        return payload;
    }

    @Override
    public int compressedSize() {
        return payload.length;
    }

    @Override
    public byte[] inflated() {
        return into.toByteArray();
    }

    @Override
    public void close() {
        compressor.close();
        decompressor.close();
    }
}
