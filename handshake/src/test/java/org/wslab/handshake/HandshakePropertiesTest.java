package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.HeadGenerators;
import org.wslab.handshake.http.HeadPropertiesTest;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.testkit.Props;

/** Properties of the two sides together (RFC 6455 §4.1, §4.2). */
class HandshakePropertiesTest {
    static final List<String> PROTOCOLS = List.of("v10.stomp", "v11.stomp", "v12.stomp", "mqtt", "wamp.2.json", "chat");

    static Gen<List<String>> protocolLists() {
        return lists().of(Generate.pick(PROTOCOLS)).ofSizeBetween(0, 4).map(l -> l.stream().distinct().toList());
    }

    static Gen<String> extensionHeaders() {
        return Generate.pick(List.of("", "permessage-deflate", "permessage-deflate; client_max_window_bits",
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; server_no_context_takeover",
                "x-webkit-deflate-frame, permessage-deflate; client_no_context_takeover; client_max_window_bits=9",
                "permessage-deflate; server_max_window_bits=15; mystery"));
    }

    @Test
    void ourServerAndOurClientAgreeOnEveryChoice() {
        // §4.2.2 / §4.1: whatever the client offers and the server supports, our 101 passes our
        // client's checks, and both sides settle the same sub-protocol and deflate parameters
        Props.qt().forAll(protocolLists(), protocolLists(), Generate.enumValues(SubprotocolPolicy.class),
                extensionHeaders()).checkAssert((offered, supported, policy, ext) -> {
                    ClientOptions options = ClientOptions.defaults().withSubprotocols(offered.toArray(new String[0]));
                    if (!ext.isEmpty()) {
                        options = new ClientOptions(options.subprotocols(),
                                ((ExtensionHeader.Result.Parsed) ExtensionHeader.parse(ext)).offers(), Optional.empty(), List.of());
                    }
                    ClientHandshake client = ClientHandshake.create(
                            new WebSocketUri(false, "localhost", 8080, "/ws"), options, new Random(31L * offered.hashCode() + ext.hashCode()));
                    RequestHead request = HeadPropertiesTest.parsedHead(RequestHeadParser.parse(client.requestBytes()));
                    ServerHandshake server = new ServerHandshake(ServerPolicy.defaults()
                            .withSubprotocols(policy, supported.toArray(new String[0])));
                    ServerDecision.Accept accept = assertInstanceOf(ServerDecision.Accept.class, server.respond(request));
                    ResponseHead response = HeadPropertiesTest.parsedHead(ResponseHeadParser.parse(accept.bytes()));
                    ClientVerdict.Accepted verdict = assertInstanceOf(ClientVerdict.Accepted.class, client.validate(response));
                    assertEquals(accept.subprotocol(), verdict.subprotocol());
                    assertEquals(accept.deflateParameters(), verdict.deflate());
                    assertEquals(expectedChoice(offered, supported, policy), accept.subprotocol());
                });
    }

    /** The choice spelled out by hand: the first common name in the leading side's order. */
    private static Optional<String> expectedChoice(List<String> offered, List<String> supported, SubprotocolPolicy policy) {
        List<String> lead = policy == SubprotocolPolicy.CLIENT_ORDER ? offered : supported;
        List<String> other = policy == SubprotocolPolicy.CLIENT_ORDER ? supported : offered;
        return lead.stream().filter(other::contains).findFirst();
    }

    static Gen<RequestHead> handshakeLikeRequests() {
        // real generated heads, with handshake fields added or broken at random
        Gen<Headers> extra = Generate.pick(List.of(
                Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                        "Sec-WebSocket-Version", "13"),
                Headers.of("Upgrade", "WebSocket", "Connection", "keep-alive, upgrade", "Sec-WebSocket-Key",
                        "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13", "Origin", "http://evil.example"),
                Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Key", "short",
                        "Sec-WebSocket-Version", "13"),
                Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                        "Sec-WebSocket-Version", "8"),
                Headers.empty()));
        return HeadGenerators.requests().zip(extra, integers().between(0, 1), (head, fields, keep) -> {
            Headers h = keep == 0 ? head.headers() : head.headers().without("Sec-WebSocket-Key").without("Sec-WebSocket-Version");
            for (var f : fields.fields()) {
                h = h.with(f.name(), f.value());
            }
            return new RequestHead(head.method(), head.target(), head.version(), h);
        });
    }

    @Test
    void theServerAnswersAnyRequestWithATypedDecision() {
        // §4.2.1: any request gets a 101 or a refusal naming its first broken rule, 400/403/426,
        // and both are well-formed responses
        ServerHandshake server = new ServerHandshake(ServerPolicy.defaults()
                .withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, "chat")
                .withOriginPolicy(OriginPolicy.only(Set.of("http://good.example"))));
        Props.qt().forAll(handshakeLikeRequests()).checkAssert(request -> {
            ServerDecision d = server.respond(request);
            List<RuleCheck> failures = RequestRules.check(request, server.policy().originPolicy())
                    .stream().filter(RuleCheck::failed).toList();
            ResponseHead response = HeadPropertiesTest.parsedHead(ResponseHeadParser.parse(d.bytes()));
            if (d instanceof ServerDecision.Refuse r) {
                assertEquals(failures.get(0).rule(), r.rule());
                assertTrue(Set.of(400, 403, 426).contains(response.status()), response::toString);
            } else {
                assertEquals(List.of(), failures);
                assertEquals(101, response.status());
            }
        });
    }
}
