package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.HandshakeCases.ACCEPTS;
import static org.wslab.conformance.cases.HandshakeCases.RECORDS;
import static org.wslab.conformance.cases.HandshakeCases.REFUSES;
import static org.wslab.conformance.cases.HandshakeCases.STANDARD;
import static org.wslab.conformance.cases.HandshakeCases.id;
import static org.wslab.conformance.cases.HandshakeCases.must;
import static org.wslab.conformance.cases.HandshakeCases.with;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.handshake.Delivery;
import org.wslab.conformance.handshake.HandshakeExpectation;
import org.wslab.conformance.handshake.RequestTemplate;
import org.wslab.conformance.peer.WireFrame;

/**
 * The opening handshake's negotiation and delivery: Origin (RFC 6455 §4.2.2 (4), §10.2; theme 6),
 * sub-protocols (§4.2.2 (5.5), §4.1 (10); theme 7), permessage-deflate offers (RFC 7692 §5, §7.1;
 * theme 8) and how the request arrives — slowly, in pieces, oversized, not HTTP, with bytes after
 * it (RFC 9112, RFC 9110 §5.4; theme 9). Ids {@code handshake.0.6.n} to {@code handshake.0.9.n}.
 */
public final class HandshakeNegotiationCases {
    private static final String OFFER = "Sec-WebSocket-Extensions";
    private static final HandshakeExpectation DECLINES = new HandshakeExpectation.DeclinesInvalidOffers();
    private static final Rule ORIGIN = Rule.rfc6455("4.2.2 (4) / §10.2", "a server MAY use |Origin| to decide whether"
            + " to accept; one that refuses an Origin SHOULD answer 403 Forbidden; an echo without a policy accepts any"
            + " (what it did is recorded)");
    private static final Rule SUBPROTOCOL = Rule.rfc6455("4.2.2 (5.5) / §4.1 (response 6)", "the sub-protocol a 101"
            + " names MUST be one of the values of the client's |Sec-WebSocket-Protocol| field, at most one; a server"
            + " that agrees to none sends no |Sec-WebSocket-Protocol|");
    private static final Rule PROTOCOL_TOKEN = Rule.rfc6455("4.1 (10) / §4.2.1", "sub-protocol values MUST be non-empty"
            + " strings of U+0021-U+007E without separators (tokens); a request that violates the handshake's ABNF MUST"
            + " be refused (§4.2.1)");
    private static final Rule DECLINE = new Rule("RFC 7692 §5", "a server MUST decline a permessage-deflate offer"
            + " that has a parameter not defined for an offer, a parameter with an invalid value, or two parameters of"
            + " one name: it answers without it (or with another, valid offer it accepts)");
    private static final Rule DEFLATE = new Rule("RFC 7692 §7 / §7.1", "a server that accepts a permessage-deflate"
            + " offer answers one element of its parameters consistent with the offer (§7.1.1, §7.1.2)");
    private static final Rule NO_CONTEXT = new Rule("RFC 7692 §7.1.1.1", "a server that accepts an offer with"
            + " server_no_context_takeover MUST include server_no_context_takeover in its response");
    private static final Rule SERVER_BITS = new Rule("RFC 7692 §7.1.2.1", "a server that accepts an offer with"
            + " server_max_window_bits MUST include server_max_window_bits in its response, with the same or a"
            + " smaller value");
    private static final Rule STREAM = Rule.rfc6455("4.2.1", "a valid request is the same request however TCP"
            + " delivers its bytes (RFC 9112 §2: a message is a stream of octets); it is accepted");

    private HandshakeNegotiationCases() {}

    /** The 27 cases of themes 6-9. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> c = new ArrayList<>();
        // 6: Origin
        c.add(informational(id(6, 1), ORIGIN, "Origin: https://evil.example", STANDARD.with("Origin", "https://evil.example")));
        c.add(informational(id(6, 2), ORIGIN, "Origin: null (an opaque origin, RFC 6454 §7.3)", STANDARD.with("Origin", "null")));
        // 7: sub-protocols
        c.add(must(id(7, 1), SUBPROTOCOL, "two unknown sub-protocols offered (x-wslab-a, x-wslab-b)",
                STANDARD.with("Sec-WebSocket-Protocol", "x-wslab-a, x-wslab-b"), ACCEPTS));
        c.add(must(id(7, 2), new Rule("RFC 9110 §5.6.1", "a recipient MUST parse and ignore a reasonable number of"
                        + " empty list elements (RFC 6455 §4.2.2 (5.5): a sub-protocol chosen is one offered)"),
                "an empty element in the sub-protocol list (x-wslab-a, , x-wslab-b)",
                STANDARD.with("Sec-WebSocket-Protocol", "x-wslab-a, , x-wslab-b"), ACCEPTS));
        c.add(must(id(7, 3), SUBPROTOCOL, "sub-protocols on two Sec-WebSocket-Protocol field lines (§11.3.4 allows it)",
                STANDARD.with("Sec-WebSocket-Protocol", "x-wslab-a").plus("Sec-WebSocket-Protocol", "x-wslab-b"), ACCEPTS));
        c.add(with(Strictness.INFORMATIONAL, id(7, 4), Rule.rfc6455("4.1 (10)", "each sub-protocol value a client"
                        + " sends MUST be unique (a client rule: what the server does is recorded)"),
                "the same sub-protocol offered twice (x-wslab-a, x-wslab-a)",
                STANDARD.with("Sec-WebSocket-Protocol", "x-wslab-a, x-wslab-a"), Delivery.ONE_WRITE, RECORDS));
        c.add(must(id(7, 5), PROTOCOL_TOKEN, "a sub-protocol that is not a token (\"x wslab\")",
                STANDARD.with("Sec-WebSocket-Protocol", "x wslab"), REFUSES));
        // 8: permessage-deflate
        c.add(must(id(8, 1), DEFLATE, "permessage-deflate offered without parameters",
                STANDARD.with(OFFER, "permessage-deflate"), new HandshakeExpectation.Accepts(true)));
        c.add(must(id(8, 2), DEFLATE, "permessage-deflate; client_max_window_bits (no value: the client's hint, §7.1.2.2)",
                STANDARD.with(OFFER, "permessage-deflate; client_max_window_bits"), new HandshakeExpectation.Accepts(true)));
        c.add(must(id(8, 3), NO_CONTEXT, "permessage-deflate; server_no_context_takeover",
                STANDARD.with(OFFER, "permessage-deflate; server_no_context_takeover"), ACCEPTS));
        c.add(must(id(8, 4), SERVER_BITS, "permessage-deflate; server_max_window_bits=15",
                STANDARD.with(OFFER, "permessage-deflate; server_max_window_bits=15"), ACCEPTS));
        c.add(must(id(8, 5), SERVER_BITS, "permessage-deflate; server_max_window_bits=10",
                STANDARD.with(OFFER, "permessage-deflate; server_max_window_bits=10"), ACCEPTS));
        c.add(must(id(8, 6), DECLINE, "an unknown parameter (permessage-deflate; x_wslab=1)",
                STANDARD.with(OFFER, "permessage-deflate; x_wslab=1"), DECLINES));
        c.add(must(id(8, 7), DECLINE, "a parameter twice (server_no_context_takeover; server_no_context_takeover)",
                STANDARD.with(OFFER, "permessage-deflate; server_no_context_takeover; server_no_context_takeover"), DECLINES));
        c.add(must(id(8, 8), DECLINE, "client_max_window_bits=7 (below 8, §7.1.2.2)",
                STANDARD.with(OFFER, "permessage-deflate; client_max_window_bits=7"), DECLINES));
        c.add(must(id(8, 9), DECLINE, "client_max_window_bits=16 (above 15, §7.1.2.2)",
                STANDARD.with(OFFER, "permessage-deflate; client_max_window_bits=16"), DECLINES));
        c.add(must(id(8, 10), DECLINE, "client_max_window_bits=abc (not a number, §7.1.2.2)",
                STANDARD.with(OFFER, "permessage-deflate; client_max_window_bits=abc"), DECLINES));
        c.add(must(id(8, 11), DECLINE, "server_max_window_bits without a value (§7.1.2.1 requires one)",
                STANDARD.with(OFFER, "permessage-deflate; server_max_window_bits"), DECLINES));
        c.add(must(id(8, 12), DECLINE, "client_no_context_takeover=1 (a value where §7.1.1.2 allows none)",
                STANDARD.with(OFFER, "permessage-deflate; client_no_context_takeover=1"), DECLINES));
        c.add(must(id(8, 13), DECLINE, "two offers, the first invalid (client_max_window_bits=16), the second plain",
                STANDARD.with(OFFER, "permessage-deflate; client_max_window_bits=16, permessage-deflate"), DECLINES));
        c.add(must(id(8, 14), Rule.rfc6455("9.1 / §4.1 (response 5)", "a server accepts only extensions it supports from"
                        + " the client's offer; an unknown one is left out of its response"),
                "an unknown extension offered (x-wslab-unknown)", STANDARD.with(OFFER, "x-wslab-unknown"), ACCEPTS));
        // 9: how the request arrives
        c.add(with(Strictness.MUST, id(9, 1), STREAM, "the standard request, slowly", STANDARD,
                Delivery.inWritesOf(1, 1), ACCEPTS));
        c.add(with(Strictness.MUST, id(9, 2), STREAM, "the standard request, in pieces", STANDARD,
                Delivery.inWritesOf(7, 0), ACCEPTS));
        c.add(must(id(9, 3), new Rule("RFC 9110 §5.4", "a server that receives a set of header fields larger than it"
                        + " wishes to process MUST respond with an appropriate 4xx status (RFC 6585 §5: 431); closing"
                        + " instead is non-strict, accepting it (within the server's own limit) is recorded"),
                "a 64 KiB header field (X-Wslab-Padding)", STANDARD.with("X-Wslab-Padding", "a".repeat(64 * 1024)),
                new HandshakeExpectation.Survives(Verdict.NON_STRICT, Verdict.INFORMATIONAL)));
        c.add(must(id(9, 4), new Rule("RFC 9112 §3", "recipients of an invalid request-line SHOULD respond with 400"
                        + " (Bad Request); a server never upgrades it, nor hangs on it"),
                "bytes that are not HTTP (HELLO WORLD THIS IS NOT HTTP)", RequestTemplate.raw(
                        "HELLO WORLD THIS IS NOT HTTP\r\n\r\n"), new HandshakeExpectation.Survives(Verdict.NON_STRICT, Verdict.FAILED)));
        c.add(with(Strictness.INFORMATIONAL, id(9, 5), new Rule("RFC 9110 §9.3.1", "content in a GET request has no"
                        + " generally defined semantics and might lead some implementations to reject the request"),
                "the request with a 5-byte body (Content-Length: 5)", STANDARD.with("Content-Length", "5")
                        .followedBy("hello".getBytes(StandardCharsets.US_ASCII)), Delivery.ONE_WRITE, RECORDS));
        c.add(with(Strictness.INFORMATIONAL, id(9, 6), Rule.rfc6455("4.1", "once the client's opening handshake has"
                        + " been sent, the client MUST wait for a response before sending any further data (a client"
                        + " rule: what the server does with a frame sent early is recorded)"),
                "the request and a masked text frame \"early\" in one write", STANDARD.followedBy(
                        WireFrame.text("early").encode(0x37fa213d)), Delivery.ONE_WRITE, RECORDS));
        return c;
    }

    private static ConformanceCase informational(org.wslab.conformance.CaseId id, Rule rule, String title,
                                                 RequestTemplate request) {
        return with(Strictness.INFORMATIONAL, id, rule, title, request, Delivery.ONE_WRITE, RECORDS);
    }
}
