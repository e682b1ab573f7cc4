package org.wslab.lab.client;

import org.wslab.handshake.spec.SpecRule;

/**
 * The rules an echo run checks beyond the engine's own (which report a peer's violation
 * themselves): what an echo endpoint promises — each message back unchanged (RFC 6455 §5.6), each
 * ping answered by a pong with the same payload (§5.5.2–§5.5.3) — and that the connection ends
 * with the normal closure the client asked for (§7.4.1).
 */
public enum EchoRule implements SpecRule {
    /** An echo has the type and the bytes of the message sent. */
    ECHO_MATCHES("RFC 6455 §5.6", "an echo endpoint sends each message back as it came: same type, same bytes"),
    /** Every message sent comes back before the connection ends. */
    ECHO_RETURNED("RFC 6455 §5.6", "every message sent to an echo endpoint comes back"),
    /** A ping is answered by a pong carrying the same application data. */
    PONG_ANSWERS_PING("RFC 6455 §5.5.3", "a pong sent in response to a ping has the ping's application data"),
    /** The connection closes with 1000 once the client asked for it. */
    NORMAL_CLOSURE("RFC 6455 §7.4.1", "the connection ends with the closing handshake and 1000 (normal closure)");

    private final String section;
    private final String statement;

    EchoRule(String section, String statement) {
        this.section = section;
        this.statement = statement;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public String statement() {
        return statement;
    }
}
