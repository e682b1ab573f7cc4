package org.wslab.framing.codec;

import java.util.Optional;

/**
 * The status codes of RFC 6455 §7.4.1 and the IANA registry of §11.7 (1012–1014 registered later).
 * 1004 is reserved; 1005, 1006 and 1015 are reported locally and never appear on the wire
 * (§7.4.1). Codes 3000–4999 belong to libraries and applications (§7.4.2) and are valid on the
 * wire; every other value is a protocol error when received (§7.1.5, close 1002).
 */
public enum CloseCode {
    NORMAL(1000, "normal closure", true),
    GOING_AWAY(1001, "going away", true),
    PROTOCOL_ERROR(1002, "protocol error", true),
    UNSUPPORTED_DATA(1003, "unsupported data", true),
    RESERVED(1004, "reserved", false),
    NO_STATUS_RECEIVED(1005, "no status code received (local only)", false),
    ABNORMAL_CLOSURE(1006, "closed without a close frame (local only)", false),
    INVALID_PAYLOAD(1007, "invalid frame payload data, e.g. not UTF-8", true),
    POLICY_VIOLATION(1008, "policy violation", true),
    MESSAGE_TOO_BIG(1009, "message too big", true),
    MANDATORY_EXTENSION(1010, "client expected an extension the server did not accept", true),
    INTERNAL_ERROR(1011, "internal server error", true),
    SERVICE_RESTART(1012, "service restart", true),
    TRY_AGAIN_LATER(1013, "try again later", true),
    BAD_GATEWAY(1014, "bad gateway", true),
    TLS_HANDSHAKE(1015, "TLS handshake failed (local only)", false);

    private final int code;
    private final String meaning;
    private final boolean sendable;

    CloseCode(int code, String meaning, boolean sendable) {
        this.code = code;
        this.meaning = meaning;
        this.sendable = sendable;
    }

    /** The numeric status code. */
    public int code() {
        return code;
    }

    /** What the code means, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** Whether an endpoint may put this code in a close frame (§7.4.1). */
    public boolean sendable() {
        return sendable;
    }

    /** The named code for a number in 1000–1015, empty otherwise. */
    public static Optional<CloseCode> of(int code) {
        return code >= 1000 && code <= 1015 ? Optional.of(values()[code - 1000]) : Optional.empty();
    }

    /**
     * Whether {@code code} may appear in a close frame: a sendable 1000–1015 code or 3000–4999
     * (§7.4.1, §7.4.2). A received close with any other code fails the connection with 1002.
     */
    public static boolean validOnWire(int code) {
        if (code >= 3000 && code <= 4999) {
            return true;
        }
        return of(code).map(CloseCode::sendable).orElse(false);
    }

    /** A short label for any code: {@code "1000 normal closure"}, {@code "4000 application"}. */
    public static String describe(int code) {
        Optional<CloseCode> named = of(code);
        if (named.isPresent()) {
            return code + " " + named.get().meaning;
        }
        if (code >= 3000 && code <= 3999) {
            return code + " registered for libraries/frameworks";
        }
        if (code >= 4000 && code <= 4999) {
            return code + " private (application)";
        }
        return code + " invalid";
    }
}
