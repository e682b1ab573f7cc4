package org.wslab.framing.text;

/**
 * The UTF-8 byte grammar of RFC 3629 §4 as a deterministic automaton packed for a shift-based
 * step: {@code next = (int) (ROWS[b] >>> state)}. A state is a bit offset (a multiple of 6) into
 * a 64-bit row; row {@code b} holds, for every state, the offset of the state octet {@code b}
 * leads to. Java masks a {@code long} shift count to its low six bits, so the bits above the
 * current state's slot need no masking between steps; only {@link #state(int)} masks, when the
 * state is compared. One step is one load (independent of the state) and one shift, so a run of
 * multi-octet text costs about one cycle of dependency per octet.
 *
 * <p>{@link #ERROR} is offset 0: every slot a row leaves empty leads there, and its own slot is
 * empty in every row, so it is absorbing.
 */
final class Utf8Dfa {
    /** No valid text continues from here (RFC 6455 §8.1: fail the connection). */
    static final int ERROR = 0;
    /** Between code points: a new one (or the end of the message) may come. */
    static final int ACCEPT = 6;
    /** One continuation octet 80–BF left. */
    private static final int TAIL1 = 12;
    /** Two continuation octets 80–BF left. */
    private static final int TAIL2 = 18;
    /** Three continuation octets 80–BF left. */
    private static final int TAIL3 = 24;
    /** After E0: A0–BF (no overlong 3-octet form), then one more. */
    private static final int AFTER_E0 = 30;
    /** After ED: 80–9F (no surrogate U+D800–DFFF), then one more. */
    private static final int AFTER_ED = 36;
    /** After F0: 90–BF (no overlong 4-octet form), then two more. */
    private static final int AFTER_F0 = 42;
    /** After F4: 80–8F (nothing above U+10FFFF), then two more. */
    private static final int AFTER_F4 = 48;

    /** Row per octet value, indexed by {@code b & 0xFF}. */
    static final long[] ROWS = build();

    private Utf8Dfa() {}

    /** The state after {@code b} from {@code state} (a state or an unmasked step result). */
    static int step(int state, int b) {
        return (int) (ROWS[b & 0xFF] >>> state);
    }

    /** A step result reduced to the state it names, for comparison. */
    static int state(int stepResult) {
        return stepResult & 63;
    }

    private static long[] build() {
        long[] rows = new long[256];
        for (int b = 0; b < 256; b++) {
            long row = 0;
            row |= (long) fromAccept(b) << ACCEPT;
            row |= (long) within(b, 0x80, 0xBF, ACCEPT) << TAIL1;
            row |= (long) within(b, 0x80, 0xBF, TAIL1) << TAIL2;
            row |= (long) within(b, 0x80, 0xBF, TAIL2) << TAIL3;
            row |= (long) within(b, 0xA0, 0xBF, TAIL1) << AFTER_E0;
            row |= (long) within(b, 0x80, 0x9F, TAIL1) << AFTER_ED;
            row |= (long) within(b, 0x90, 0xBF, TAIL2) << AFTER_F0;
            row |= (long) within(b, 0x80, 0x8F, TAIL2) << AFTER_F4;
            rows[b] = row;
        }
        return rows;
    }

    /** Where a lead octet goes (RFC 3629 §4 UTF8-char); C0, C1, F5–FF and stray 80–BF fail. */
    private static int fromAccept(int b) {
        if (b < 0x80) {
            return ACCEPT;
        } else if (b < 0xC2) {
            return ERROR;
        } else if (b < 0xE0) {
            return TAIL1;
        } else if (b == 0xE0) {
            return AFTER_E0;
        } else if (b == 0xED) {
            return AFTER_ED;
        } else if (b < 0xF0) {
            return TAIL2;
        } else if (b == 0xF0) {
            return AFTER_F0;
        } else if (b < 0xF4) {
            return TAIL3;
        } else if (b == 0xF4) {
            return AFTER_F4;
        }
        return ERROR;
    }

    private static int within(int b, int lo, int hi, int next) {
        return b >= lo && b <= hi ? next : ERROR;
    }
}
