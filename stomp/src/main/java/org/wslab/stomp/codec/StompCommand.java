package org.wslab.stomp.codec;

import java.nio.charset.StandardCharsets;

/**
 * The fifteen STOMP commands (STOMP 1.2 "Client Frames", "Server Frames"; STOMP 1.0 has no
 * STOMP and no NACK). Each knows its direction, whether it may carry a body (STOMP 1.2 "STOMP
 * Frames": only SEND, MESSAGE and ERROR) and whether its headers are escaped (STOMP 1.2 "Value
 * Encoding": never in CONNECT and CONNECTED).
 */
public enum StompCommand {
    CONNECT(true, false),
    STOMP(true, false),
    SEND(true, true),
    SUBSCRIBE(true, false),
    UNSUBSCRIBE(true, false),
    ACK(true, false),
    NACK(true, false),
    BEGIN(true, false),
    COMMIT(true, false),
    ABORT(true, false),
    DISCONNECT(true, false),
    CONNECTED(false, false),
    MESSAGE(false, true),
    RECEIPT(false, false),
    ERROR(false, true);

    private static final StompCommand[] VALUES = values();

    private final boolean fromClient;
    private final boolean bodyAllowed;
    private final byte[] ascii;

    StompCommand(boolean fromClient, boolean bodyAllowed) {
        this.fromClient = fromClient;
        this.bodyAllowed = bodyAllowed;
        this.ascii = name().getBytes(StandardCharsets.US_ASCII);
    }

    /** True for commands a client sends, false for those a server sends. */
    public boolean isClientCommand() {
        return fromClient;
    }

    /** True for SEND, MESSAGE and ERROR, the only frames that may have a body. */
    public boolean allowsBody() {
        return bodyAllowed;
    }

    /** False for CONNECT and CONNECTED, whose headers are never escaped. */
    public boolean escapesHeaders() {
        return this != CONNECT && this != CONNECTED;
    }

    /** The command line's bytes (shared; do not modify). */
    byte[] ascii() {
        return ascii;
    }

    /** The command spelled by {@code buf[from, to)}, or null when none is (no allocation). */
    public static StompCommand lookup(byte[] buf, int from, int to) {
        int len = to - from;
        for (StompCommand c : VALUES) {
            byte[] a = c.ascii;
            if (a.length != len) {
                continue;
            }
            int i = 0;
            while (i < len && a[i] == buf[from + i]) {
                i++;
            }
            if (i == len) {
                return c;
            }
        }
        return null;
    }
}
