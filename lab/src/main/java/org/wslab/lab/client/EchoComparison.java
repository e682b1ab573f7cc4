package org.wslab.lab.client;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.wslab.framing.engine.Event;

/**
 * Compares an echo with the message sent: the same type (text or binary, RFC 6455 §5.6) and the
 * same bytes. A difference is described by where it starts, so a person can find it in a trace.
 */
final class EchoComparison {
    private EchoComparison() {}

    /** What differs between {@code sent} (a String or byte[]) and {@code echo}; empty when nothing does. */
    static Optional<String> difference(Object sent, Event echo) {
        boolean sentText = sent instanceof String;
        if (sentText && echo instanceof Event.BinaryMessage) {
            return Optional.of("sent a text message, got a binary one back");
        }
        if (!sentText && echo instanceof Event.TextMessage) {
            return Optional.of("sent a binary message, got a text one back");
        }
        byte[] expected = sentText ? ((String) sent).getBytes(StandardCharsets.UTF_8) : (byte[]) sent;
        byte[] actual = echo instanceof Event.TextMessage t ? t.utf8()
                : ((Event.BinaryMessage) echo).data();
        int at = java.util.Arrays.mismatch(expected, actual);
        if (at < 0) {
            return Optional.empty();
        }
        if (at == Math.min(expected.length, actual.length)) {
            return Optional.of("sent " + expected.length + " bytes, got " + actual.length + " back");
        }
        return Optional.of(String.format("byte %d differs: sent 0x%02x, got 0x%02x (%d bytes sent, %d back)",
                at, expected[at] & 0xFF, actual[at] & 0xFF, expected.length, actual.length));
    }
}
