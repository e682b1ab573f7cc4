package org.wslab.framing.codec;

import java.util.Arrays;

/**
 * A growable byte array with a hard limit, for reassembling a message (RFC 6455 §5.4) or
 * inflating one (RFC 7692 §7.2.2): an append that would cross the limit is refused before any
 * allocation, so the limit bounds memory whatever the peer claims (1009, §7.4.1).
 */
public final class BoundedBuffer {
    private final long limit;
    private byte[] bytes;
    private int size;

    /** An empty buffer that refuses to hold more than {@code limit} bytes. */
    public BoundedBuffer(long limit) {
        this.limit = Math.min(limit, DecoderSettings.HARD_MAX_FRAME);
        this.bytes = new byte[0];
    }

    /** Appends {@code src[off, off+len)}; false (and nothing appended) when the limit would be crossed. */
    public boolean append(byte[] src, int off, int len) {
        if (len > limit - size) {
            return false;
        }
        ensure(size + len);
        System.arraycopy(src, off, bytes, size, len);
        size += len;
        return true;
    }

    /** Room left under the limit. */
    public long remaining() {
        return limit - size;
    }

    /** The limit. */
    public long limit() {
        return limit;
    }

    /** Bytes held. */
    public int size() {
        return size;
    }

    /** The backing array; valid up to {@link #size()}. */
    public byte[] array() {
        return bytes;
    }

    /** A copy of the content, exact length. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The content, exact length, and an empty buffer: hands over the array when it fits exactly. */
    public byte[] take() {
        byte[] out = size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        if (out == bytes) {
            bytes = new byte[0];
        }
        size = 0;
        return out;
    }

    /** Empties the buffer, dropping large backing arrays. */
    public void clear() {
        size = 0;
        if (bytes.length > 64 * 1024) {
            bytes = new byte[0];
        }
    }

    private void ensure(int needed) {
        if (needed > bytes.length) {
            long grown = Math.max(needed, Math.min(limit, Math.max(256L, (long) bytes.length * 2)));
            bytes = Arrays.copyOf(bytes, (int) grown);
        }
    }
}
