package org.wslab.benchmarks.deflate;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The floor: a bare raw {@link Deflater} flushed with {@code SYNC_FLUSH} and a raw {@link Inflater},
 * reused arrays sized for the largest message, the {@code 00 00 ff ff} tail removed after
 * compressing and appended before the inflater's last call (RFC 7692 §7.2.1–7.2.2). No limits,
 * no fragmentation, no framing: what every implementation pays at least.
 */
final class JdkRoundTrip implements RoundTrip {
    static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    private final Inflater inflater = new Inflater(true);
    private final byte[] compressed;
    private final byte[] inflated;
    private int compressedSize;
    private int inflatedSize;

    JdkRoundTrip(int maxMessage) {
        compressed = new byte[maxMessage + maxMessage / 8 + 64];
        inflated = new byte[maxMessage + 64];
    }

    @Override
    public int roundTrip(byte[] message) {
        deflater.setInput(message);
        int n = deflater.deflate(compressed, 0, compressed.length, Deflater.SYNC_FLUSH);
        if (n >= 4 && Arrays.equals(compressed, n - 4, n, TAIL, 0, 4)) {
            n -= 4;
        }
        compressedSize = n;
        try {
            inflater.setInput(compressed, 0, n);
            int m = inflater.inflate(inflated);
            inflater.setInput(TAIL);
            m += inflater.inflate(inflated, m, inflated.length - m);
            inflatedSize = m;
            return m;
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int compressedSize() {
        return compressedSize;
    }

    @Override
    public byte[] inflated() {
        return Arrays.copyOf(inflated, inflatedSize);
    }

    @Override
    public void close() {
        deflater.end();
        inflater.end();
    }
}
