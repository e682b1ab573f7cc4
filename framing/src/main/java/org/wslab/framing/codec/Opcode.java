package org.wslab.framing.codec;

import java.util.Optional;

/**
 * The frame opcodes of RFC 6455 §5.2 (registry §11.8). {@code %x3-7} and {@code %xB-F} are
 * reserved; a frame carrying one is a protocol error (§5.2, close code 1002), so they have no
 * constant here and {@link #of(int)} answers empty for them.
 */
public enum Opcode {
    /** {@code %x0}: a continuation of a fragmented message (§5.4). */
    CONTINUATION(0x0),
    /** {@code %x1}: the first frame of a text message, UTF-8 (§5.6). */
    TEXT(0x1),
    /** {@code %x2}: the first frame of a binary message (§5.6). */
    BINARY(0x2),
    /** {@code %x8}: connection close (§5.5.1). */
    CLOSE(0x8),
    /** {@code %x9}: ping (§5.5.2). */
    PING(0x9),
    /** {@code %xA}: pong (§5.5.3). */
    PONG(0xA);

    private static final Opcode[] BY_CODE = new Opcode[16];

    static {
        for (Opcode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    /** The 4-bit value on the wire. */
    public int code() {
        return code;
    }

    /** Control frames have the most significant opcode bit set (§5.5). */
    public boolean isControl() {
        return (code & 0x8) != 0;
    }

    /** TEXT or BINARY: the opcodes that start a message. */
    public boolean startsMessage() {
        return this == TEXT || this == BINARY;
    }

    /** The opcode for a 4-bit value, empty for the reserved ones. */
    public static Optional<Opcode> of(int code) {
        return code >= 0 && code < 16 ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /** Like {@link #of(int)} without the Optional, {@code null} for reserved values (hot path). */
    static Opcode orNull(int code) {
        return BY_CODE[code & 0xF];
    }
}
