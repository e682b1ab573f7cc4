package org.wslab.stomp.codec;

import java.util.Arrays;

/**
 * The header entries a connection's frames repeat (STOMP 1.2 "STOMP Frames": a SEND or MESSAGE
 * stream keeps naming the same destination, subscription and content-type, in the same order):
 * per command and header position, the last line's octets and the entry decoded from them. A line
 * whose octets equal the remembered ones yields the same (immutable) {@link StompHeader} without
 * decoding or allocating; a line that differs (a message-id) is decoded and replaces the one
 * remembered, copied into a buffer that is reused. The decoding of a line depends on the command
 * (CONNECT and CONNECTED are not escaped) and on the version, so entries are kept per command and
 * {@link #clear cleared} when the version changes. Lines longer than {@value #MAX_LINE} octets,
 * positions from {@value #POSITIONS} on, and passcodes are never remembered. Not thread-safe.
 */
final class HeaderLineCache {
    static final int MAX_LINE = 128;
    static final int POSITIONS = 16;
    private static final byte[] PASSCODE = {'p', 'a', 's', 's', 'c', 'o', 'd', 'e', ':'};

    /** One command's remembered lines, by position. */
    private static final class Lines {
        final byte[][] octets = new byte[POSITIONS][];
        final int[] lengths = new int[POSITIONS];
        final StompHeader[] headers = new StompHeader[POSITIONS];
    }

    private final Lines[] byCommand = new Lines[StompCommand.values().length];

    /** The entry remembered for the line {@code buf[from, to)} at {@code position} of a {@code command} frame, or null. */
    StompHeader find(StompCommand command, int position, byte[] buf, int from, int to) {
        Lines lines = byCommand[command.ordinal()];
        if (lines == null || position >= POSITIONS) {
            return null;
        }
        StompHeader h = lines.headers[position];
        int len = to - from;
        if (h == null || lines.lengths[position] != len
                || !Arrays.equals(lines.octets[position], 0, len, buf, from, to)) {
            return null;
        }
        return h;
    }

    /** Remembers that the line {@code buf[from, to)} at {@code position} decoded to {@code header}. */
    void remember(StompCommand command, int position, byte[] buf, int from, int to, StompHeader header) {
        int len = to - from;
        if (position >= POSITIONS || len > MAX_LINE
                || (len >= PASSCODE.length && Arrays.equals(PASSCODE, 0, PASSCODE.length, buf, from, from + PASSCODE.length))) {
            return;
        }
        Lines lines = byCommand[command.ordinal()];
        if (lines == null) {
            lines = new Lines();
            byCommand[command.ordinal()] = lines;
        }
        byte[] octets = lines.octets[position];
        if (octets == null || octets.length < len) {
            octets = new byte[Math.min(MAX_LINE, Math.max(len, octets == null ? 32 : octets.length * 2))];
            lines.octets[position] = octets;
        }
        System.arraycopy(buf, from, octets, 0, len);
        lines.lengths[position] = len;
        lines.headers[position] = header;
    }

    /** Forgets everything (the version changed, and with it how lines decode). */
    void clear() {
        Arrays.fill(byCommand, null);
    }
}
