package org.wslab.handshake.explain;

import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.quicktheories.core.Gen;
import org.wslab.testkit.ByteGens;

/**
 * Valid opening handshakes (RFC 6455 §4.1 request, §4.2.2 response) as lines, and the messy forms
 * people paste them in: a BOM, LF or mixed line ends, trailing spaces, no final empty line, a
 * DevTools copy with lower-case names or pseudo-header fields.
 */
final class CleanTranscripts {
    private CleanTranscripts() {}

    /** A request and its response, each as lines (start line first). */
    record Clean(List<String> request, List<String> response) {
        String crlf() {
            return String.join("\r\n", request) + "\r\n\r\n" + String.join("\r\n", response) + "\r\n\r\n";
        }
    }

    /** RFC 6455 §4.2.2 (5.4), computed with the JDK's SHA-1, not the module's AcceptKey. */
    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** A valid pair: any path, any 16-byte key, with or without Origin and an agreed sub-protocol. */
    static Gen<Clean> valid() {
        return ByteGens.bytes(16, 16).zip(ByteGens.bytesFrom("abcdefghijklmnopqrstuvwxyz0123456789", 1, 12),
                integers().between(0, 3), (nonce, path, extras) -> {
                    String key = Base64.getEncoder().encodeToString(nonce);
                    List<String> req = new ArrayList<>(List.of("GET /" + new String(path, StandardCharsets.US_ASCII) + " HTTP/1.1",
                            "Host: example.com:8080", "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: " + key,
                            "Sec-WebSocket-Version: 13"));
                    List<String> resp = new ArrayList<>(List.of("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket",
                            "Connection: Upgrade", "Sec-WebSocket-Accept: " + accept(key)));
                    if ((extras & 1) != 0) {
                        req.add("Origin: http://example.com");
                    }
                    if ((extras & 2) != 0) {
                        req.add("Sec-WebSocket-Protocol: v12.stomp, v11.stomp");
                        resp.add("Sec-WebSocket-Protocol: v12.stomp");
                    }
                    return new Clean(req, resp);
                });
    }

    /** Which messy form: 0 BOM, 1 LF, 2 mixed ends, 3 trailing spaces, 4 no final empty line, 5 DevTools, 6 pseudo-headers. */
    static Gen<Integer> messes() {
        return integers().between(0, 6);
    }

    /** {@code c} written in messy form {@code mess}. */
    static byte[] messy(Clean c, int mess) {
        String text = switch (mess) {
            case 0 -> "\uFEFF" + c.crlf();
            case 1 -> c.crlf().replace("\r\n", "\n");
            case 2 -> c.crlf().replaceFirst("\r\n", "\n").replaceFirst("\r\n\r\n", "\n\r\n");
            case 3 -> c.crlf().replace("\r\n", " \t\r\n");
            case 4 -> c.crlf().substring(0, c.crlf().length() - 4);
            case 5 -> devTools(c, false);
            default -> devTools(c, true);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Chrome's General pane and header panes (lower-case names), or HTTP/2-style pseudo-header fields. */
    static String devTools(Clean c, boolean pseudo) {
        String[] start = c.request().get(0).split(" ");
        StringBuilder b = new StringBuilder();
        if (!pseudo) {
            b.append("Request URL: ws://example.com:8080").append(start[1]).append('\n')
                    .append("Request Method: GET\nStatus Code: 101 Switching Protocols\n\n");
        }
        b.append("Response Headers\n");
        if (pseudo) {
            b.append(":status: 101\n");
        }
        c.response().stream().skip(1).forEach(l -> b.append(l.toLowerCase(Locale.ROOT).substring(0, l.indexOf(':')))
                .append(l.substring(l.indexOf(':'))).append('\n'));
        b.append("\nRequest Headers\n");
        if (pseudo) {
            b.append(":method: GET\n:path: ").append(start[1]).append("\n:authority: example.com:8080\n:scheme: http\n");
        }
        c.request().stream().skip(1).filter(l -> !pseudo || !l.startsWith("Host:"))
                .forEach(l -> b.append(l.toLowerCase(Locale.ROOT).substring(0, l.indexOf(':'))).append(l.substring(l.indexOf(':'))).append('\n'));
        return b.toString();
    }

}
