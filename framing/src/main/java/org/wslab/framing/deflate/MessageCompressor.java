package org.wslab.framing.deflate;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * The sending side of permessage-deflate (RFC 7692 §7.2.1): DEFLATE the message, flush with
 * {@code Z_SYNC_FLUSH}, and drop the {@code 00 00 ff ff} that ends the flush. With
 * "no context takeover" the LZ77 window is reset after every message (§7.1.1).
 *
 * <p>{@code java.util.zip} always uses a 15-bit window; when the peer allows less
 * (§7.1.2, {@code *_max_window_bits} &lt; 15) this compressor emits stored (uncompressed)
 * DEFLATE blocks, which carry no back-references and so fit any window.
 */
public final class MessageCompressor implements AutoCloseable {
    static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    private final Deflater deflater;
    private final boolean noContextTakeover;
    private byte[] out = new byte[1024];

    /** A compressor; {@code windowBits} &lt; 15 selects stored blocks (see class doc). */
    public MessageCompressor(boolean noContextTakeover, int windowBits) {
        int level = windowBits < 15 ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION;
        this.deflater = new Deflater(level, true);
        this.noContextTakeover = noContextTakeover;
    }

    /** A compressor with a 15-bit window. */
    public MessageCompressor(boolean noContextTakeover) {
        this(noContextTakeover, 15);
    }

    /** Compresses a whole message into one payload (§7.2.1). */
    public byte[] compress(byte[] message) {
        return compressPiece(message, 0, message.length, true);
    }

    /**
     * Compresses the next piece of a message sent in fragments. Pieces before the last keep
     * their sync-flush marker (an empty stored block, harmless mid-stream); the last piece drops
     * it, as §7.2.1 requires of the whole message.
     */
    public byte[] compressPiece(byte[] piece, int off, int len, boolean last) {
        deflater.setInput(piece, off, len);
        int n = 0;
        while (true) {
            int got = deflater.deflate(out, n, out.length - n, Deflater.SYNC_FLUSH);
            n += got;
            if (n < out.length) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        byte[] result;
        if (last) {
            if (n >= 4 && Arrays.equals(out, n - 4, n, TAIL, 0, 4)) {
                n -= 4;
            }
            // §7.2.3.6: an empty stored block "00" stands for a message with nothing left to flush
            result = n == 0 ? new byte[] {0x00} : Arrays.copyOf(out, n);
            if (noContextTakeover) {
                deflater.reset();
            }
        } else {
            result = Arrays.copyOf(out, n);
        }
        if (out.length > 256 * 1024) {
            out = new byte[1024];
        }
        return result;
    }

    /** Releases the native zlib state. */
    @Override
    public void close() {
        deflater.end();
    }
}
