package org.wslab.framing.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Incremental UTF-8 validation for text messages (RFC 6455 §8.1, §5.6) following the byte
 * grammar of RFC 3629 §4: feed the payload in any pieces — fragments, code points split across
 * them — and the validator reports the <em>first</em> byte that no valid UTF-8 text could
 * contain at that point: a stray continuation, an overlong form (C0, C1, E0 80–9F, F0 80–8F), a
 * surrogate (ED A0–BF), a code point above U+10FFFF (F4 90–BF, F5–FF), or a lead byte cut short.
 * {@link #finish()} then says whether the message ended inside a sequence.
 *
 * <p>How it is fast: between code points, runs of ASCII are skipped 8 and then 128 octets at a
 * time (one test of the high bits of little-endian {@code long} words); everything else runs
 * through the shift-based automaton of {@link Utf8Dfa}, eight octets of a word per round with
 * the error state checked once per word. Only when a word ends in the error state is it walked
 * again octet by octet to name the exact failing octet, so the reported position is the same as
 * a byte-at-a-time check's. No allocation.
 */
public final class Utf8Validator {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long[] ROWS = Utf8Dfa.ROWS;

    private int state = Utf8Dfa.ACCEPT;
    private long consumed;
    private long failedAt = -1;

    /** Forgets everything: ready for a new message. */
    public void reset() {
        state = Utf8Dfa.ACCEPT;
        consumed = 0;
        failedAt = -1;
    }

    /**
     * Validates {@code bytes[off, off+len)} as the next piece of the message.
     *
     * @return -1 when every byte is acceptable so far, else the index in {@code bytes} of the
     *         first invalid byte (the validator then stays failed)
     * @throws IndexOutOfBoundsException when the range is not inside {@code bytes}
     */
    public int feed(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        if (failedAt >= 0) {
            return off;
        }
        int end = off + len;
        int i = off;
        int s = state;
        while (true) {
            if (s == Utf8Dfa.ACCEPT) {
                i = skipAscii(bytes, i, end);
            }
            if (end - i < 8) {
                break;
            }
            long w = (long) LONGS.get(bytes, i);
            int t = s;
            t = (int) (ROWS[(int) w & 0xFF] >>> t);
            t = (int) (ROWS[(int) (w >>> 8) & 0xFF] >>> t);
            t = (int) (ROWS[(int) (w >>> 16) & 0xFF] >>> t);
            t = (int) (ROWS[(int) (w >>> 24) & 0xFF] >>> t);
            t = (int) (ROWS[(int) (w >>> 32) & 0xFF] >>> t);
            t = (int) (ROWS[(int) (w >>> 40) & 0xFF] >>> t);
            t = (int) (ROWS[(int) (w >>> 48) & 0xFF] >>> t);
            t = (int) (ROWS[(int) (w >>> 56)] >>> t);
            t = Utf8Dfa.state(t);
            if (t == Utf8Dfa.ERROR) {
                return failAt(firstError(bytes, i, s), off);
            }
            s = t;
            i += 8;
        }
        for (; i < end; i++) {
            s = Utf8Dfa.state(Utf8Dfa.step(s, bytes[i]));
            if (s == Utf8Dfa.ERROR) {
                return failAt(i, off);
            }
        }
        state = s;
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
        if (state != Utf8Dfa.ACCEPT) {
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
        return state != Utf8Dfa.ACCEPT;
    }

    /**
     * The first index from {@code i} whose 8-octet word holds a non-ASCII octet, or where fewer
     * than 8 remain. Up to four words are tried one by one, so text that is mostly non-ASCII
     * (or has short ASCII runs) pays one test; a longer run is then skipped 128 octets a round.
     */
    private static int skipAscii(byte[] bytes, int i, int end) {
        for (int k = 0; k < 4; k++) {
            if (end - i < 8 || ((long) LONGS.get(bytes, i) & HIGH_BITS) != 0) {
                return i;
            }
            i += 8;
        }
        while (end - i >= 128) {
            if (((highBits64(bytes, i) | highBits64(bytes, i + 64)) & HIGH_BITS) != 0) {
                break;
            }
            i += 128;
        }
        while (end - i >= 8 && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
            i += 8;
        }
        return i;
    }

    /** The OR of the eight words at {@code i}, combined as a tree so the loads run in parallel. */
    private static long highBits64(byte[] bytes, int i) {
        long a = (long) LONGS.get(bytes, i) | (long) LONGS.get(bytes, i + 8);
        long b = (long) LONGS.get(bytes, i + 16) | (long) LONGS.get(bytes, i + 24);
        long c = (long) LONGS.get(bytes, i + 32) | (long) LONGS.get(bytes, i + 40);
        long d = (long) LONGS.get(bytes, i + 48) | (long) LONGS.get(bytes, i + 56);
        return (a | b) | (c | d);
    }

    /** The index of the octet, in the word at {@code i} entered in state {@code s}, that fails. */
    private static int firstError(byte[] bytes, int i, int s) {
        while (true) {
            s = Utf8Dfa.state(Utf8Dfa.step(s, bytes[i]));
            if (s == Utf8Dfa.ERROR) {
                return i;
            }
            i++;
        }
    }

    private int failAt(int index, int off) {
        failedAt = consumed + (index - off);
        return index;
    }

    /** One-shot check of a complete text: -1 when valid, else the offset of the first bad byte. */
    public static long firstInvalid(byte[] text) {
        Utf8Validator v = new Utf8Validator();
        if (v.feed(text) >= 0 || !v.finish()) {
            return v.failedAt();
        }
        return -1;
    }
}
