package org.wslab.handshake.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.SubprotocolPolicy;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.deflate.DeflateRule;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.ResponseHead;

/**
 * Interop: for the same offers, our {@link ServerHandshake} settles the sub-protocol and
 * permessage-deflate as Jetty 12 does — and where Jetty departs from RFC 7692 §7.1, the test pins
 * the difference so a change on either side shows.
 */
class NegotiationMatchesJettyTest {
    private static final String[] STOMP = {"v12.stomp", "v11.stomp", "v10.stomp"};

    /** Sends {@code options} to a Jetty echo server and returns its response head. */
    private static ResponseHead jettyAnswer(JettyEchoServer server, ClientHandshake hs) throws Exception {
        try (RawSocketClient client = new RawSocketClient(server.port())) {
            return client.handshake(hs);
        }
    }

    private static ClientHandshake handshake(JettyEchoServer server, ClientOptions options) {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(server.echoUri().toString())).uri();
        return ClientHandshake.create(uri, options, new Random(7));
    }

    private static ClientOptions offering(String extensions) {
        List<ExtensionOffer> offers = ((ExtensionHeader.Result.Parsed) ExtensionHeader.parse(extensions)).offers();
        return ClientOptions.defaults().withExtensions(offers.toArray(new ExtensionOffer[0]));
    }

    /** Extensions with their parameters as sets: parameter order carries no meaning (RFC 7692 §7.1). */
    private static List<java.util.Map.Entry<String, java.util.Set<String>>> unordered(List<ExtensionOffer> offers) {
        return offers.stream().map(o -> java.util.Map.entry(o.name(), o.parameters().stream()
                .map(Object::toString).collect(java.util.stream.Collectors.toSet()))).toList();
    }

    @ParameterizedTest(name = "{0}: offered [{1}] [{2}]")
    @CsvSource(delimiter = '|', value = {
        "CLIENT_ORDER      | v10.stomp, v11.stomp, v12.stomp |",
        "SERVER_PREFERENCE | v10.stomp, v11.stomp, v12.stomp |",
        "CLIENT_ORDER      | v11.stomp,v10.stomp             | v12.stomp",
        "SERVER_PREFERENCE | v11.stomp,v10.stomp             | '  v12.stomp  '",
        "CLIENT_ORDER      | mqtt, v10.stomp                 |",
        "SERVER_PREFERENCE | mqtt, wamp                      |",
    })
    void subprotocolChoiceMatchesJetty(SubprotocolPolicy policy, String first, String second) throws Exception {
        ClientOptions options = ClientOptions.defaults().withHeader("Sec-WebSocket-Protocol", first);
        if (second != null) {
            options = options.withHeader("Sec-WebSocket-Protocol", second.strip());
        }
        try (JettyEchoServer server = JettyEchoServer.start(policy, STOMP)) {
            ClientHandshake hs = handshake(server, options);
            ResponseHead jetty = jettyAnswer(server, hs);
            ServerDecision.Accept ours = assertInstanceOf(ServerDecision.Accept.class,
                    new ServerHandshake(ServerPolicy.defaults().withSubprotocols(policy, STOMP)).respond(hs.request()));
            assertEquals(jetty.headers().first("Sec-WebSocket-Protocol"), ours.subprotocol());
            ClientVerdict.Accepted verdict = assertInstanceOf(ClientVerdict.Accepted.class, hs.validate(jetty));
            assertEquals(ours.subprotocol(), verdict.subprotocol());
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "permessage-deflate",
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; client_max_window_bits=10",
        "permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "x-unknown, permessage-deflate",
        "x-webkit-deflate-frame",
    })
    void deflateOutcomeMatchesJetty(String offer) throws Exception {
        try (JettyEchoServer server = JettyEchoServer.start(SubprotocolPolicy.CLIENT_ORDER)) {
            ClientHandshake hs = handshake(server, offering(offer));
            ResponseHead jetty = jettyAnswer(server, hs);
            ServerDecision.Accept ours = assertInstanceOf(ServerDecision.Accept.class,
                    new ServerHandshake(ServerPolicy.defaults()).respond(hs.request()));
            List<ExtensionOffer> jettyAccepted = ((ExtensionHeader.Result.Parsed)
                    ExtensionHeader.parse(jetty.headers().all("Sec-WebSocket-Extensions"))).offers();
            assertEquals(unordered(jettyAccepted), unordered(ours.extensions()), "same extensions, same parameters");
            ClientVerdict.Accepted verdict = assertInstanceOf(ClientVerdict.Accepted.class, hs.validate(jetty));
            assertEquals(verdict.deflate(), ours.deflateParameters(), "both ends agree on the parameters");
        }
    }

    @Test
    void jettyOmitsServerMaxWindowBitsWhichRfc7692Requires() throws Exception {
        // RFC 7692 §7.1.2.1: accepting server_max_window_bits means answering it. Jetty 12.1 drops
        // it; our client fails such a response, our server answers 15 (or declines < 15).
        try (JettyEchoServer server = JettyEchoServer.start(SubprotocolPolicy.CLIENT_ORDER)) {
            ClientHandshake hs = handshake(server, offering("permessage-deflate; server_max_window_bits=15"));
            ResponseHead jetty = jettyAnswer(server, hs);
            assertEquals(Optional.of("permessage-deflate"), jetty.headers().first("Sec-WebSocket-Extensions"));
            assertEquals(DeflateRule.RESPONSE_SERVER_MAX_WINDOW_BITS,
                    assertInstanceOf(ClientVerdict.Rejected.class, hs.validate(jetty)).rule());
            ServerDecision.Accept ours = assertInstanceOf(ServerDecision.Accept.class,
                    new ServerHandshake(ServerPolicy.defaults()).respond(hs.request()));
            assertEquals("permessage-deflate; server_max_window_bits=15", ours.extensions().get(0).toString());
        }
    }

    @Test
    void withAFallbackOfferBothEndUpWithPlainDeflate() throws Exception {
        // we decline the first offer (java.util.zip cannot keep a 10-bit window) and take the second;
        // Jetty takes the first and ignores its window: the header on the wire is the same
        try (JettyEchoServer server = JettyEchoServer.start(SubprotocolPolicy.CLIENT_ORDER)) {
            ClientHandshake hs = handshake(server, offering("permessage-deflate; server_max_window_bits=10, permessage-deflate"));
            ResponseHead jetty = jettyAnswer(server, hs);
            ServerDecision.Accept ours = assertInstanceOf(ServerDecision.Accept.class,
                    new ServerHandshake(ServerPolicy.defaults()).respond(hs.request()));
            assertEquals(Optional.of(ExtensionHeader.format(ours.extensions())), jetty.headers().first("Sec-WebSocket-Extensions"));
            assertEquals(DeflateRule.JDK_DEFLATER_WINDOW_IS_15, ours.deflate().declined().get(0).rule());
            assertInstanceOf(ClientVerdict.Accepted.class, hs.validate(jetty), "valid against the second offer");
        }
    }

    @Test
    void anUnknownParameterDeclinesTheOfferWhereJettyRefusesTheHandshake() throws Exception {
        // RFC 7692 §7.1: decline the offer. Jetty 12.1 answers 400 instead.
        try (JettyEchoServer server = JettyEchoServer.start(SubprotocolPolicy.CLIENT_ORDER)) {
            ClientHandshake hs = handshake(server, offering("permessage-deflate; foo=bar"));
            assertEquals(400, jettyAnswer(server, hs).status());
            ServerDecision.Accept ours = assertInstanceOf(ServerDecision.Accept.class,
                    new ServerHandshake(ServerPolicy.defaults()).respond(hs.request()));
            assertEquals(List.of(), ours.extensions());
            assertEquals(DeflateRule.UNKNOWN_PARAMETER, ours.deflate().declined().get(0).rule());
        }
    }

    @Test
    void aDuplicateParameterDeclinesTheOfferWhereJettyAcceptsIt() throws Exception {
        try (JettyEchoServer server = JettyEchoServer.start(SubprotocolPolicy.CLIENT_ORDER)) {
            ClientHandshake hs = handshake(server, offering("permessage-deflate; server_no_context_takeover; server_no_context_takeover"));
            assertEquals(Optional.of("permessage-deflate;server_no_context_takeover"),
                    jettyAnswer(server, hs).headers().first("Sec-WebSocket-Extensions"));
            ServerDecision.Accept ours = assertInstanceOf(ServerDecision.Accept.class,
                    new ServerHandshake(ServerPolicy.defaults()).respond(hs.request()));
            assertEquals(List.of(), ours.extensions());
            assertEquals(DeflateRule.DUPLICATE_PARAMETER, ours.deflate().declined().get(0).rule());
        }
    }
}
