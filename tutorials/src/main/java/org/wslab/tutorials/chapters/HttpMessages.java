package org.wslab.tutorials.chapters;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wslab.tutorials.live.ChapterFailure;

/**
 * Cuts the octets of one direction of an HTTP/1.1 connection into its messages (RFC 9112 §2.1):
 * a head up to the empty line, then a body of {@code Content-Length} octets (none without one). A
 * chunked or truncated message ends the list: what follows is not cut further.
 */
final class HttpMessages {
    private HttpMessages() {}

    /** One message: its head (with the empty line) and its body, as ISO-8859-1 text. */
    record Message(String head, String body) {
        /** The octets it took on the wire. */
        int octets() {
            return head.length() + body.length();
        }

        /** The start line. */
        String startLine() {
            return head.substring(0, head.indexOf("\r\n"));
        }

        /** The message as it travelled, CRs dropped for the page. */
        String shown() {
            return (head + body).replace("\r", "");
        }
    }

    /** The whole messages in {@code wire}. */
    static List<Message> of(byte[] wire) {
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        List<Message> out = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf("\r\n\r\n", at);
            if (end < 0) {
                break;
            }
            String head = text.substring(at, end + 4);
            if (head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
                out.add(new Message(head, ""));
                break;
            }
            int length = contentLength(head);
            if (end + 4 + length > text.length()) {
                break;
            }
            out.add(new Message(head, text.substring(end + 4, end + 4 + length)));
            at = end + 4 + length;
        }
        return out;
    }

    /** The first whole message, or a chapter failure naming {@code what}. */
    static Message first(byte[] wire, String what) {
        List<Message> all = of(wire);
        if (all.isEmpty()) {
            throw new ChapterFailure("the relay saw no whole HTTP message " + what);
        }
        return all.get(0);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }
}
