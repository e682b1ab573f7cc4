package org.wslab.lab.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written opening handshake request (RFC 6455 §4.1, the §1.3 sample key) and a reader of the
 * response head, for tests that must know every byte a server gets — and so every line it logs.
 */
public final class RawUpgrade {
    private RawUpgrade() {
    }

    /** The request bytes for {@code path}, with an Origin and a sub-protocol offer when not null. */
    public static byte[] request(String path, String origin, String subprotocol) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + (subprotocol == null ? "" : "Sec-WebSocket-Protocol: " + subprotocol + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads an HTTP response head up to its blank line (or the end of the stream). */
    public static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
