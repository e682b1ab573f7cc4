package org.wslab.lab.cli;

import java.nio.charset.StandardCharsets;
import org.wslab.handshake.AcceptKey;

/**
 * The ways a deliberately misbehaving server answers an opening handshake (RFC 6455 §4.1), for
 * the matrix that drives every client command against each of them: what it sends, given the
 * request's {@code Sec-WebSocket-Key}, and whether it then closes.
 */
enum Misbehaviour {
    /** Reads the request, then closes without a byte (RFC 9112 §8: no response at all). */
    CLOSES_AT_ONCE(true),
    /** Answers bytes that are not HTTP (no status line, RFC 9112 §4). */
    GARBAGE(true),
    /** Another protocol's greeting: an SSH server's identification line (RFC 4253 §4.2). */
    SSH_BANNER(true),
    /** 503 with a body saying why (RFC 9110 §15.6.4): no WebSocket. */
    STATUS_503(true),
    /** 101 with a Sec-WebSocket-Accept that is not the key's (RFC 6455 §4.1 (response 4)). */
    WRONG_ACCEPT(false),
    /** A correct 101, then a frame with the reserved opcode 0x3 (RFC 6455 §5.2: fail with 1002). */
    RESERVED_OPCODE(false);

    final boolean closes;

    Misbehaviour(boolean closes) {
        this.closes = closes;
    }

    /** The bytes sent after the request head carrying {@code key} was read. */
    byte[] answer(String key) {
        return switch (this) {
            case CLOSES_AT_ONCE -> new byte[0];
            case GARBAGE -> new byte[] {0x00, (byte) 0xFF, 'g', 'a', 'r', 'b', 'a', 'g', 'e', 0x1B, '[', '2', 'J', '\n'};
            case SSH_BANNER -> ascii("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
            case STATUS_503 -> ascii("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 25\r\n"
                    + "Connection: close\r\n\r\ntoo many connections, bye");
            case WRONG_ACCEPT -> ascii(switching(AcceptKey.of("dGhlIHNhbXBsZSBub25jZQ==")));
            case RESERVED_OPCODE -> concat(ascii(switching(AcceptKey.of(key))),
                    new byte[] {(byte) 0x83, 0x02, 'h', 'i'}); // FIN + opcode 0x3, unmasked, 2 bytes
        };
    }

    private static String switching(String accept) {
        return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n";
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
