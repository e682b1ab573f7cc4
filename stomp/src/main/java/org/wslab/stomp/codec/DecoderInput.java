package org.wslab.stomp.codec;

import java.util.Arrays;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;

/**
 * The octets a {@link StompDecoder} reads (STOMP 1.2 "STOMP Frames": a frame may arrive in any
 * pieces), bounded by its {@link StompLimits}. While nothing is buffered the decoder reads the
 * caller's array in place and only an unfinished element's tail is kept; otherwise the octets are
 * appended to the decoder's own buffer up to the end of the buffered element (a line, or a body
 * ending at its NUL), so that what follows is read in place again. The decoder reads
 * {@link #buf} between {@link #start} (its next unconsumed octet) and {@link #end}; {@link #scan}
 * is where its search for a terminator resumes. Not thread-safe.
 */
final class DecoderInput {
    private final int capacityCap;
    /** The decoder's own buffer, for elements split across feeds. */
    private byte[] own = new byte[1024];
    /** What the decoder reads: {@link #own}, or the caller's array while nothing is buffered. */
    byte[] buf = own;
    int start;
    int end;
    int scan;
    /** The violation that stopped the feeding, if any. */
    private StompViolation failure;

    DecoderInput(StompLimits limits) {
        this.capacityCap = Math.max(limits.maxLineLength() + 2, limits.maxBodySize() + 1) + 8;
    }

    /** True when no octet is buffered. */
    boolean isEmpty() {
        return start == end;
    }

    /** Feeds the slice to {@code decoder}, frames and heart-beats to {@code sink}; returns the violation, if any. */
    StompViolation feed(byte[] data, int off, int len, StompDecoder decoder, StompFrameSink sink) {
        while (failure == null && len > 0) {
            if (start == end) {
                int taken = inPlace(data, off, len, decoder, sink);
                off += taken;
                len -= taken;
                continue;
            }
            if (!room(decoder)) {
                break;
            }
            int n = Math.min(Math.min(decoder.elementEnd(data, off, len), len), own.length - end);
            System.arraycopy(data, off, own, end, n);
            end += n;
            off += n;
            len -= n;
            StompViolation v = decoder.process(sink);
            if (v != null) {
                failure = v;
            }
        }
        return failure;
    }

    /**
     * Decodes {@code data} where it lies (nothing is buffered), then keeps the unfinished tail in
     * the decoder's own buffer; returns how many octets it consumed (all, unless it failed).
     */
    private int inPlace(byte[] data, int off, int len, StompDecoder decoder, StompFrameSink sink) {
        buf = data;
        start = off;
        end = off + len;
        scan = start;
        StompViolation v;
        try {
            v = decoder.process(sink);
        } finally {
            buf = own;
        }
        int tail = end - start;
        int tailScan = scan - start;
        int tailFrom = start;
        start = 0;
        end = 0;
        scan = 0;
        if (v != null) {
            failure = v;
            return len - tail;
        }
        if (tail > capacityCap) { // unreachable while the limits hold; a guard, not a hang
            failure = decoder.violation(StompRule.BODY_TOO_LARGE, "frame exceeds the decoder's buffer of " + capacityCap);
            return len - tail;
        }
        if (own.length < tail) {
            own = new byte[Math.min(Math.max(tail, own.length * 2), capacityCap)];
            buf = own;
        }
        if (tail > 0) {
            System.arraycopy(data, tailFrom, own, 0, tail);
            end = tail;
            scan = tailScan;
        }
        return len;
    }

    /** Leaves room for at least one more octet in the decoder's own buffer; false (and failed) at its cap. */
    private boolean room(StompDecoder decoder) {
        compact();
        if (end < own.length) {
            return true;
        }
        if (own.length >= capacityCap) { // unreachable while the limits hold; a guard, not a hang
            failure = decoder.violation(StompRule.BODY_TOO_LARGE, "frame exceeds the decoder's buffer of " + capacityCap);
            return false;
        }
        own = Arrays.copyOf(own, Math.min(Math.max(own.length * 2, 16), capacityCap));
        buf = own;
        return true;
    }

    private void compact() {
        if (start > 0) {
            System.arraycopy(own, start, own, 0, end - start);
            end -= start;
            scan -= start;
            start = 0;
        }
    }
}
