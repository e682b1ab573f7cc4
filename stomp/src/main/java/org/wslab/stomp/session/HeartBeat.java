package org.wslab.stomp.session;

import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;

/**
 * A {@code heart-beat} header value {@code cx,cy} (STOMP 1.2 "Heart-beating"): the smallest
 * interval in milliseconds at which its sender can send beats ({@code canSend}), and the interval
 * at which it wants to receive them ({@code wantsEvery}); 0 means "cannot" / "does not want".
 *
 * @param canSend    milliseconds, 0 = none
 * @param wantsEvery milliseconds, 0 = none
 */
public record HeartBeat(long canSend, long wantsEvery) {
    /** No heart-beating: {@code 0,0}, the default when the header is absent. */
    public static final HeartBeat NONE = new HeartBeat(0, 0);

    public HeartBeat {
        if (canSend < 0 || wantsEvery < 0) {
            throw new IllegalArgumentException("heart-beat intervals are non-negative");
        }
    }

    /** The header value, e.g. {@code 10000,10000}. */
    public String header() {
        return canSend + "," + wantsEvery;
    }

    /** Parses a header (absent means {@link #NONE}); a malformed one is a violation. */
    public static Parsed parse(String header, StompVersion version) {
        if (header == null) {
            return new Parsed.Valid(NONE);
        }
        int comma = header.indexOf(',');
        if (comma < 1 || comma == header.length() - 1 || !digits(header, 0, comma) || !digits(header, comma + 1, header.length())
                || comma > 9 || header.length() - comma - 1 > 9) {
            return new Parsed.Invalid(new StompViolation(StompRule.INVALID_HEART_BEAT, version, "heart-beat \"" + header + "\""));
        }
        return new Parsed.Valid(new HeartBeat(Long.parseLong(header.substring(0, comma)), Long.parseLong(header.substring(comma + 1))));
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Milliseconds between beats that {@code sender} must send to {@code receiver}: 0 when either
     * side declines, else the larger of the two (the spec's MAX rule).
     */
    public static long interval(HeartBeat sender, HeartBeat receiver) {
        return sender.canSend == 0 || receiver.wantsEvery == 0 ? 0 : Math.max(sender.canSend, receiver.wantsEvery);
    }

    /** A parsed {@code heart-beat} header: the value, or the rule it breaks (STOMP 1.2 "Heart-beating"). */
    public sealed interface Parsed {
        /** A well-formed header (or none: {@link HeartBeat#NONE}). */
        record Valid(HeartBeat value) implements Parsed {}

        /** A malformed header, {@link StompRule#INVALID_HEART_BEAT}. */
        record Invalid(StompViolation violation) implements Parsed {}
    }
}
