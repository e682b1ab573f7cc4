package org.wslab.framing.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The byte-at-a-time validator wslab shipped before the table-driven one, kept unchanged as the
 * reference the fast {@link Utf8Validator} must equal for any bytes and any split.
 *
 * <p>Incremental UTF-8 validation for text messages (RFC 6455 §8.1, §5.6) following the byte
 * grammar of RFC 3629 §4: feed the payload in any pieces — fragments, code points split across
 * them — and the validator reports the <em>first</em> byte that no valid UTF-8 text could
 * contain at that point: a stray continuation, an overlong form (C0, C1, E0 80–9F, F0 80–8F), a
 * surrogate (ED A0–BF), a code point above U+10FFFF (F4 90–BF, F5–FF), or a lead byte cut short.
 * {@link #finish()} then says whether the message ended inside a sequence.
 *
 * <p>Runs of ASCII are skipped eight bytes at a time.
 */
final class Utf8ReferenceValidator {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private int pending;
    private int lower = 0x80;
    private int upper = 0xBF;
    private long consumed;
    private long failedAt = -1;

    /** Forgets everything: ready for a new message. */
    public void reset() {
        pending = 0;
        lower = 0x80;
        upper = 0xBF;
        consumed = 0;
        failedAt = -1;
    }

    /**
     * Validates {@code bytes[off, off+len)} as the next piece of the message.
     *
     * @return -1 when every byte is acceptable so far, else the index in {@code bytes} of the
     *         first invalid byte (the validator then stays failed)
     */
    public int feed(byte[] bytes, int off, int len) {
        if (failedAt >= 0) {
            return off;
        }
        int i = off;
        int end = off + len;
        int need = pending;
        int lo = lower;
        int hi = upper;
        while (i < end) {
            if (need == 0) {
                while (i + 8 <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i >= end) {
                    break;
                }
                int b = bytes[i] & 0xFF;
                if (b < 0x80) {
                    i++;
                    continue;
                }
                if (b < 0xC2) {
                    return failAt(i, off);
                } else if (b < 0xE0) {
                    need = 1;
                    lo = 0x80;
                    hi = 0xBF;
                } else if (b < 0xF0) {
                    need = 2;
                    lo = b == 0xE0 ? 0xA0 : 0x80;
                    hi = b == 0xED ? 0x9F : 0xBF;
                } else if (b < 0xF5) {
                    need = 3;
                    lo = b == 0xF0 ? 0x90 : 0x80;
                    hi = b == 0xF4 ? 0x8F : 0xBF;
                } else {
                    return failAt(i, off);
                }
                i++;
            } else {
                int b = bytes[i] & 0xFF;
                if (b < lo || b > hi) {
                    return failAt(i, off);
                }
                need--;
                lo = 0x80;
                hi = 0xBF;
                i++;
            }
        }
        pending = need;
        lower = lo;
        upper = hi;
        consumed += len;
        return -1;
    }

    /** Validates a whole array piece. */
    public int feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /**
     * Ends the message: true when the text is complete and valid; false when a failure was seen
     * or the message stops inside a multi-byte sequence (then {@link #failedAt()} is the message
     * length: the missing byte).
     */
    public boolean finish() {
        if (failedAt >= 0) {
            return false;
        }
        if (pending != 0) {
            failedAt = consumed;
            return false;
        }
        return true;
    }

    /** Offset in the whole message of the first invalid byte, or -1 while valid. */
    public long failedAt() {
        return failedAt;
    }

    /** Whether a multi-byte sequence is open (more bytes needed for a valid end). */
    public boolean inSequence() {
        return pending != 0;
    }

    private int failAt(int index, int off) {
        failedAt = consumed + (index - off);
        return index;
    }

    /** One-shot check of a complete text: -1 when valid, else the offset of the first bad byte. */
    public static long firstInvalid(byte[] text) {
        Utf8ReferenceValidator v = new Utf8ReferenceValidator();
        if (v.feed(text) >= 0 || !v.finish()) {
            return v.failedAt();
        }
        return -1;
    }
}
