package org.wslab.lab.server.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.OpeningHandshake.Step;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.engine.OpeningRule;
import org.wslab.lab.server.EndpointKind;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** The socket engine's routed opening handshake, sans-I/O: bytes in, a 101 / refusal / page out. */
class RoutingOpeningTest {
    private static final LabEndpoint STOMPISH = new LabEndpoint("/websocket/app", EndpointKind.ECHO,
            List.of("v12.stomp", "v11.stomp", "v10.stomp"), "sub-protocol test endpoint");
    private static final SocketRoute ROUTE = SocketRoute.of(STOMPISH, peer -> null);

    // the recorded request of RFC 6455 §1.3 (key dGhlIHNhbXBsZSBub25jZQ==), asking for STOMP 1.0 and 1.1
    private static final String REQUEST = "GET /websocket/app?x=1 HTTP/1.1\r\nHost: server.example.com\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Protocol: v10.stomp, v11.stomp\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private static RoutingOpening opening() {
        return new RoutingOpening(Map.of(STOMPISH.path(), ROUTE), () -> "<p>index</p>");
    }

    private static Step feed(RoutingOpening o, List<byte[]> pieces) {
        Step last = new Step.NeedMore();
        for (byte[] p : pieces) {
            last = o.receive(ByteBuffer.wrap(p));
            if (!(last instanceof Step.NeedMore)) {
                return last;
            }
        }
        return last;
    }

    private static Step feed(String request) {
        return feed(opening(), List.of(request.getBytes(StandardCharsets.ISO_8859_1)));
    }

    // RFC 6455 §4.2.2 (5.4): of the offered v10/v11 the endpoint prefers v11; the query is not part of the path
    @Test
    void routesByPathAndChoosesTheEndpointsPreferredSubprotocol() {
        RoutingOpening o = opening();
        Step.Completed done = assertInstanceOf(Step.Completed.class,
                feed(o, List.of(REQUEST.getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(Optional.of("v11.stomp"), done.subprotocol());
        assertSame(ROUTE, o.chosen());
        String response = new String(done.toSend(), StandardCharsets.ISO_8859_1);
        assertTrue(response.startsWith("HTTP/1.1 101 "), response);
        assertTrue(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), response);
    }

    // the routing decision does not depend on how TCP cut the request (any two-way split)
    @Test
    void anySplitOfTheRequestGivesTheSameAnswer() {
        byte[] whole = REQUEST.getBytes(StandardCharsets.ISO_8859_1);
        for (List<byte[]> split : Splits.everyTwoWaySplit(whole)) {
            Step.Completed done = assertInstanceOf(Step.Completed.class, feed(opening(), split));
            assertEquals(Optional.of("v11.stomp"), done.subprotocol());
        }
    }

    // RFC 9110 §15.5.5: an upgrade to a path without an endpoint is 404, never 101
    @Test
    void anUpgradeToAnUnknownPathIs404() {
        Step.Rejected no = assertInstanceOf(Step.Rejected.class, feed(REQUEST.replace("/websocket/app", "/elsewhere")));
        HandshakeFailure.Answered answer = assertInstanceOf(HandshakeFailure.Answered.class, no.failure());
        assertEquals(404, answer.status());
        assertEquals(OpeningRule.NO_RESOURCE, answer.rule());
        assertTrue(new String(no.toSend(), StandardCharsets.UTF_8).startsWith("HTTP/1.1 404 Not Found\r\n"));
    }

    @Test
    void aPlainGetOfTheRootIsTheIndexPage() {
        Step.Rejected page = assertInstanceOf(Step.Rejected.class, feed("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
        String text = new String(page.toSend(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("HTTP/1.1 200 OK\r\n") && text.endsWith("<p>index</p>"), text);
        HandshakeFailure.Answered answer = assertInstanceOf(HandshakeFailure.Answered.class, page.failure());
        assertEquals(OpeningRule.PLAIN_HTTP_PAGE, answer.rule(), "a page, named as not a WebSocket request");
    }

    // RFC 6455 §4.2.1 (6): a wrong version on an endpoint's path gets the handshake module's typed 426
    @Test
    void aBadUpgradeOnAnEndpointsPathIsTheHandshakeModulesRefusal() {
        Step.Rejected no = assertInstanceOf(Step.Rejected.class,
                feed(REQUEST.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8")));
        HandshakeFailure.Refused d = assertInstanceOf(HandshakeFailure.Refused.class, no.failure());
        assertEquals(426, d.decision().status());
        assertTrue(d.reason().contains("RFC 6455 §4.2.1"), d.reason());
    }

    // garbage in → a typed refusal or a wait for more, never another exception (and the head limit bounds it)
    @Test
    void arbitraryBytesEndInARefusalOrNeedMoreNeverAnException() {
        Props.qt().forAll(ByteGens.bytes(0, 2048), integers().between(1, 64)).checkAssert((bytes, chunk) -> {
            RoutingOpening o = opening();
            Step last = new Step.NeedMore();
            for (int from = 0; from < bytes.length && last instanceof Step.NeedMore; from += chunk) {
                int n = Math.min(chunk, bytes.length - from);
                last = o.receive(ByteBuffer.wrap(bytes, from, n));
            }
            assertTrue(last instanceof Step.NeedMore || last instanceof Step.Rejected, String.valueOf(last));
        });
    }
}
