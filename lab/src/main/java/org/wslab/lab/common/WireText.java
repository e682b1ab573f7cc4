package org.wslab.lab.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * What a peer sent, made safe to put in one line on a terminal: control characters (C0, DEL, C1)
 * written as {@code \xnn}, so a server cannot move the cursor or clear the screen (ECMA-48), octets
 * that are not UTF-8 written as {@code \xnn} too, and long text cut with an ellipsis.
 */
public final class WireText {
    private WireText() {}

    /** {@code text} with every control character but TAB written as {@code \xnn}. */
    public static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A response body as one line of what it says: an HTML page's text without its tags (an error
     * page is usually HTML), runs of white space as one space.
     */
    public static String bodyText(String body) {
        String text = body.strip();
        if (text.startsWith("<")) {
            text = text.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        }
        return text.replaceAll("\\s+", " ").strip();
    }

    /** At most {@code max} characters of {@code text}, {@code …} marking a cut. */
    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /**
     * The first {@code max} octets of {@code bytes} as one safe line: UTF-8 where they decode (a
     * cut sequence at the end included), each other octet and every control as {@code \xnn}.
     */
    public static String quote(byte[] bytes, int max) {
        int n = Math.min(max, bytes.length);
        StringBuilder out = new StringBuilder(n + 8);
        int i = 0;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            int len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            String decoded = len == 0 || i + len > bytes.length ? null : decode(bytes, i, len);
            if (decoded == null) {
                out.append(String.format("\\x%02x", b));
                i++;
            } else {
                out.append(safe(decoded));
                i += len;
            }
        }
        return out + (bytes.length > max ? "…" : "");
    }

    private static String decode(byte[] bytes, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
