package org.wslab.stomp;

import org.wslab.handshake.spec.SpecRule;

/**
 * Every rule of STOMP 1.0/1.1/1.2 that wslab enforces, each naming the section of the
 * specification it comes from. A broken rule becomes a {@link StompViolation}, which a server
 * turns into an ERROR frame whose {@code message} header names the rule, then closes.
 *
 * <p>Sections are those of the STOMP 1.2 specification (the 1.1 text uses the same names). Like
 * every rule enum of wslab it is a {@link SpecRule}, so a report or the CLI renders a STOMP rule
 * the way it renders an RFC 6455 one: {@link #section()} reads {@code STOMP 1.2 "Value Encoding"},
 * or {@code wslab policy} for a server policy no section states.
 */
public enum StompRule implements SpecRule {
    // --- framing ("STOMP Frames", "Augmented BNF", "Size Limits")
    UNKNOWN_COMMAND("STOMP Frames", "unknown command"),
    WRONG_DIRECTION("STOMP Frames", "command not allowed in this direction"),
    BARE_CARRIAGE_RETURN("Augmented BNF", "carriage return not followed by line feed"),
    HEADER_WITHOUT_COLON("Augmented BNF", "header line without a colon"),
    UNDEFINED_ESCAPE("Value Encoding", "undefined escape sequence in a header"),
    INVALID_UTF8("Value Encoding", "header is not valid UTF-8"),
    LINE_TOO_LONG("Size Limits", "header line too long"),
    TOO_MANY_HEADERS("Size Limits", "too many headers"),
    BODY_TOO_LARGE("Size Limits", "body too large"),
    CONTENT_LENGTH_NOT_A_NUMBER("Header content-length", "content-length is not a number"),
    CONTENT_LENGTH_MISMATCH("Header content-length", "no NUL after content-length octets"),
    BODY_NOT_ALLOWED("STOMP Frames", "only SEND, MESSAGE and ERROR frames may have a body"),
    UNENCODABLE_HEADER("Value Encoding", "header cannot be represented in this version"),
    // --- connecting
    NOT_CONNECTED("Connecting", "frame before CONNECT"),
    ALREADY_CONNECTED("Connecting", "second CONNECT on one connection"),
    NO_COMMON_VERSION("Protocol Negotiation", "no common protocol version"),
    AUTHENTICATION_FAILED("CONNECT or STOMP Frame", "login refused"),
    INVALID_HEART_BEAT("Heart-beating", "malformed heart-beat header"),
    HEART_BEAT_TIMEOUT("Heart-beating", "peer silent beyond the heart-beat tolerance"),
    CONNECTION_ENDED("DISCONNECT", "the connection ended before DISCONNECT and its RECEIPT"),
    // --- client frames
    MISSING_HEADER("Frames and Headers", "required header missing"),
    INVALID_DESTINATION("SEND", "destination must start with /topic/ or /queue/"),
    INVALID_ACK_MODE("SUBSCRIBE ack Header", "ack must be auto, client or client-individual"),
    DUPLICATE_SUBSCRIPTION("SUBSCRIBE id Header", "subscription id already in use"),
    UNKNOWN_SUBSCRIPTION("UNSUBSCRIBE", "no subscription with this id"),
    UNKNOWN_ACK_ID("ACK", "no unacknowledged message with this id"),
    NACK_IN_1_0("NACK", "NACK does not exist in STOMP 1.0"),
    DUPLICATE_TRANSACTION("BEGIN", "transaction already active"),
    UNKNOWN_TRANSACTION("COMMIT", "no active transaction with this id"),
    // --- what a session may accumulate (SessionLimits; no STOMP section states these)
    TOO_MANY_SUBSCRIPTIONS(Cite.POLICY, "too many subscriptions on one connection"),
    TOO_MANY_TRANSACTIONS(Cite.POLICY, "too many open transactions on one connection"),
    TRANSACTION_TOO_LARGE(Cite.POLICY, "transaction holds too many frames or body octets"),
    // --- server side (wslab policy: broker memory, flow control, transport)
    BROKER_UNAVAILABLE(Cite.POLICY, "the broker refused or is unreachable"),
    QUEUE_FULL(Cite.POLICY, "queue full: the broker holds no more undelivered messages or octets for it"),
    TOO_MANY_DESTINATIONS(Cite.POLICY, "too many destinations: the broker holds no more topics or queues"),
    INVALID_PREFETCH(Cite.POLICY, "prefetch-count must be a whole number from 1 to 65536"),
    SLOW_CONSUMER(Cite.POLICY, "slow consumer: messages for this connection stayed over its limit too long"),
    SEND_FAILED(Cite.POLICY, "the transport failed to send a frame to this connection"),
    // --- relay to an external broker: the outage policy of org.wslab.stomp.relay
    RELAY_BUFFER_FULL(Cite.POLICY, "relay outage buffer full: too many SENDs unconfirmed by the upstream broker"),
    RELAY_GAVE_UP(Cite.POLICY, "relay gave up: upstream broker not back within the give-up deadline");

    /** The section of a rule no STOMP section states: a server policy of wslab's own. */
    public static final String POLICY_SECTION = Cite.POLICY;

    /** Holds the policy citation so the constants above can name it. */
    private static final class Cite {
        static final String POLICY = "wslab policy";
    }

    private final String title;
    private final String statement;

    StompRule(String title, String statement) {
        this.title = title;
        this.statement = statement;
    }

    /** True for server policies no section of the specification states (cited as "wslab policy"). */
    public boolean isPolicy() {
        return POLICY_SECTION.equals(title);
    }

    /** Section title of the specification, e.g. {@code Value Encoding}, or {@code wslab policy}. */
    public String title() {
        return title;
    }

    /**
     * Where the rule is written, cited against STOMP 1.2: e.g. {@code STOMP 1.2 "Value Encoding"},
     * or {@code wslab policy}. {@link StompViolation#citation()} names the negotiated version instead.
     */
    @Override
    public String section() {
        return isPolicy() ? POLICY_SECTION : StompVersion.V1_2.cite(title);
    }

    /** One line saying what the rule forbids, used as the ERROR frame's {@code message}. */
    @Override
    public String statement() {
        return statement;
    }
}
