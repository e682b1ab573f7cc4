package org.wslab.framing.codec;

import org.wslab.handshake.spec.SpecRule;

/**
 * Every rule of RFC 6455 §5–§8 and RFC 7692 §6 whose breach fails a connection (and the one
 * transport policy that does, citing "wslab policy"), with the section
 * it comes from and the close code it leads to (§7.4.1: 1002 protocol error, 1007 invalid data,
 * 1009 too big). A {@link SpecRule} like the {@code handshake} module's rules, so a report can
 * list opening-handshake and framing failures alike ({@link #cite()}).
 */
public enum Violation implements SpecRule {
    RESERVED_BITS("RFC 6455 §5.2", CloseCode.PROTOCOL_ERROR,
            "RSV1-3 must be 0 unless a negotiated extension defines them"),
    RESERVED_OPCODE("RFC 6455 §5.2", CloseCode.PROTOCOL_ERROR, "opcodes %x3-7 and %xB-F are reserved"),
    CONTROL_TOO_LONG("RFC 6455 §5.5", CloseCode.PROTOCOL_ERROR, "a control frame payload is at most 125 bytes"),
    CONTROL_FRAGMENTED("RFC 6455 §5.5", CloseCode.PROTOCOL_ERROR, "control frames must not be fragmented"),
    UNMASKED_CLIENT_FRAME("RFC 6455 §5.1", CloseCode.PROTOCOL_ERROR, "a server must close on an unmasked frame"),
    MASKED_SERVER_FRAME("RFC 6455 §5.1", CloseCode.PROTOCOL_ERROR, "a client must close on a masked frame"),
    LENGTH_TOP_BIT("RFC 6455 §5.2", CloseCode.PROTOCOL_ERROR,
            "the most significant bit of a 64-bit length must be 0"),
    NON_MINIMAL_LENGTH("RFC 6455 §5.2", CloseCode.PROTOCOL_ERROR,
            "the minimal number of bytes must be used to encode the length"),
    FRAME_TOO_BIG("RFC 6455 §7.4.1", CloseCode.MESSAGE_TOO_BIG, "frame payload exceeds the configured limit"),
    MESSAGE_TOO_BIG("RFC 6455 §7.4.1", CloseCode.MESSAGE_TOO_BIG, "message exceeds the configured limit"),
    INFLATED_TOO_BIG("RFC 7692 §8.1 / RFC 6455 §10.4", CloseCode.MESSAGE_TOO_BIG,
            "inflated message exceeds the configured limit"),
    UNEXPECTED_CONTINUATION("RFC 6455 §5.4", CloseCode.PROTOCOL_ERROR,
            "a continuation frame without a message in progress"),
    EXPECTED_CONTINUATION("RFC 6455 §5.4", CloseCode.PROTOCOL_ERROR,
            "a new data frame while a fragmented message is in progress"),
    INVALID_UTF8("RFC 6455 §8.1", CloseCode.INVALID_PAYLOAD, "text must be valid UTF-8"),
    CLOSE_PAYLOAD_ONE_BYTE("RFC 6455 §5.5.1", CloseCode.PROTOCOL_ERROR,
            "a close body is empty or starts with a 2-byte code"),
    INVALID_CLOSE_CODE("RFC 6455 §7.4", CloseCode.PROTOCOL_ERROR, "the close code is not valid on the wire"),
    INVALID_CLOSE_REASON("RFC 6455 §5.5.1", CloseCode.INVALID_PAYLOAD, "the close reason must be UTF-8"),
    COMPRESSED_CONTROL("RFC 7692 §6.1", CloseCode.PROTOCOL_ERROR, "control frames are never compressed"),
    COMPRESSED_CONTINUATION("RFC 7692 §6.1", CloseCode.PROTOCOL_ERROR,
            "RSV1 is set on the first frame of a message only"),
    INVALID_DEFLATE_DATA("RFC 7692 §7.2.2", CloseCode.PROTOCOL_ERROR, "the compressed payload is not valid DEFLATE"),
    OUTBOUND_OVERFLOW("wslab policy", CloseCode.POLICY_VIOLATION,
            "the application kept sending while the outbound buffer was full");

    private final String section;
    private final CloseCode closeCode;
    private final String rule;

    Violation(String section, CloseCode closeCode, String rule) {
        this.section = section;
        this.closeCode = closeCode;
        this.rule = rule;
    }

    /** The section that states the rule, e.g. {@code "RFC 6455 §5.5"}. */
    @Override
    public String section() {
        return section;
    }

    /** The close code a connection fails with when this rule is broken. */
    public CloseCode closeCode() {
        return closeCode;
    }

    /** The rule, in a sentence. */
    public String rule() {
        return rule;
    }

    /** The rule, in a sentence (the {@link SpecRule} name for {@link #rule()}). */
    @Override
    public String statement() {
        return rule;
    }
}
