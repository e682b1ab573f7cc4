package org.wslab.conformance.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Verdict;
import org.wslab.handshake.AcceptKey;
import org.wslab.handshake.ClientOffer;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.ResponseHead;

/**
 * Each way a server can answer a handshake case, judged without a server: the branches that neither
 * our engine nor Jetty takes (a wrong accept value, a close, silence, a 5xx) included.
 */
class HandshakeExpectationTest {
    private static final String KEY = RequestTemplate.SAMPLE_KEY;
    private static final ClientOffer PLAIN = new ClientOffer(KEY, List.of(), List.of());

    private static ServerAnswer upgraded(String... extraFields) {
        Headers h = Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Accept", AcceptKey.of(KEY));
        for (int i = 0; i < extraFields.length; i += 2) {
            h = h.with(extraFields[i], extraFields[i + 1]);
        }
        return new ServerAnswer.Response(ResponseHead.of(101, "Switching Protocols", h));
    }

    private static ServerAnswer status(int status, String... fields) {
        return new ServerAnswer.Response(ResponseHead.of(status, "Whatever", Headers.of(fields)));
    }

    private static ClientOffer offering(String extensions) {
        return new ClientOffer(KEY, List.of(), ((ExtensionHeader.Result.Parsed) ExtensionHeader.parse(extensions)).offers());
    }

    // RFC 6455 §4.2.2 (5.4), §4.1 (response 4, 6): a 101 is checked against every response rule
    @Test
    void aValidRequestNeedsAValid101() {
        HandshakeExpectation accepts = new HandshakeExpectation.Accepts(false);
        assertEquals(Verdict.OK, accepts.judge(upgraded(), PLAIN).verdict());
        Finding wrongAccept = accepts.judge(new ServerAnswer.Response(ResponseHead.of(101, "Switching Protocols",
                Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Accept", AcceptKey.of("abc")))), PLAIN);
        assertEquals(Verdict.FAILED, wrongAccept.verdict());
        assertTrue(wrongAccept.observed().contains("ACCEPT_MATCHES_KEY"), wrongAccept.observed());
        Finding notOffered = accepts.judge(upgraded("Sec-WebSocket-Protocol", "chat"), PLAIN);
        assertEquals(Verdict.FAILED, notOffered.verdict());
        assertTrue(notOffered.observed().contains("was not offered"), notOffered.observed());
        assertEquals(Verdict.FAILED, accepts.judge(status(400), PLAIN).verdict());
        assertEquals(Verdict.FAILED, accepts.judge(new ServerAnswer.Silent(3000), PLAIN).verdict());
    }

    // a case that tests an extension: a 101 that declines it is UNIMPLEMENTED, not FAILED
    @Test
    void aDeclinedExtensionIsUnimplementedWhereTheCaseNeedsIt() {
        ClientOffer deflate = offering("permessage-deflate");
        HandshakeExpectation needs = new HandshakeExpectation.Accepts(true);
        assertEquals(Verdict.UNIMPLEMENTED, needs.judge(upgraded(), deflate).verdict());
        assertEquals(Verdict.OK, needs.judge(upgraded("Sec-WebSocket-Extensions", "permessage-deflate"), deflate).verdict());
    }

    // RFC 6455 §4.2.1, §4.4: an error status and never 101; the version refusal names 13
    @Test
    void aRefusalIsAnErrorStatusAndAVersionRefusalNames13() {
        HandshakeExpectation refuses = new HandshakeExpectation.Refuses(0, false);
        assertEquals(Verdict.OK, refuses.judge(status(400), PLAIN).verdict());
        assertEquals(Verdict.FAILED, refuses.judge(upgraded(), PLAIN).verdict());
        assertEquals(Verdict.NON_STRICT, refuses.judge(new ServerAnswer.Closed("closed (FIN)"), PLAIN).verdict());
        assertEquals(Verdict.NON_STRICT, refuses.judge(status(500), PLAIN).verdict());
        assertEquals(Verdict.NON_STRICT, refuses.judge(status(200), PLAIN).verdict());
        assertEquals(Verdict.FAILED, refuses.judge(new ServerAnswer.Silent(3000), PLAIN).verdict());
        HandshakeExpectation version = new HandshakeExpectation.Refuses(0, true);
        assertEquals(Verdict.OK, version.judge(status(426, "Sec-WebSocket-Version", "13"), PLAIN).verdict());
        assertEquals(Verdict.OK, version.judge(status(400, "Sec-WebSocket-Version", "13, 8, 7"), PLAIN).verdict());
        assertEquals(Verdict.FAILED, version.judge(status(404), PLAIN).verdict());
        HandshakeExpectation host = new HandshakeExpectation.Refuses(400, false);
        assertEquals(Verdict.NON_STRICT, host.judge(status(404), PLAIN).verdict());
    }

    // RFC 7692 §5: an invalid offer is declined; accepting it fails, refusing the handshake is non-strict
    @Test
    void anInvalidDeflateOfferIsDeclinedNeverAccepted() {
        HandshakeExpectation declines = new HandshakeExpectation.DeclinesInvalidOffers();
        ClientOffer invalid = offering("permessage-deflate; client_max_window_bits=16");
        assertEquals(Verdict.OK, declines.judge(upgraded(), invalid).verdict());
        assertEquals(Verdict.FAILED, declines.judge(upgraded("Sec-WebSocket-Extensions", "permessage-deflate"), invalid).verdict());
        assertEquals(Verdict.NON_STRICT, declines.judge(status(400), invalid).verdict());
        ClientOffer thenValid = offering("permessage-deflate; client_max_window_bits=16, permessage-deflate");
        assertEquals(Verdict.OK, declines.judge(upgraded("Sec-WebSocket-Extensions", "permessage-deflate"), thenValid).verdict());
    }

    // garbage or an oversized head: an answer of some kind, never silence
    @Test
    void whatAServerNeedNotAcceptEndsInAnAnswer() {
        HandshakeExpectation survives = new HandshakeExpectation.Survives(Verdict.NON_STRICT, Verdict.FAILED);
        assertEquals(Verdict.OK, survives.judge(status(431), PLAIN).verdict());
        assertEquals(Verdict.NON_STRICT, survives.judge(new ServerAnswer.Closed("reset"), PLAIN).verdict());
        assertEquals(Verdict.FAILED, survives.judge(upgraded(), PLAIN).verdict());
        assertEquals(Verdict.FAILED, survives.judge(new ServerAnswer.Silent(3000), PLAIN).verdict());
    }

    // the template fills the target in and writes each edit as given
    @Test
    void aTemplateFillsTheTargetAndKeepsItsEditsAsWritten() {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse("ws://127.0.0.1:8080/echo?x=1")).uri();
        String request = new String(RequestTemplate.standard().with("Sec-WebSocket-Key", "  abc ")
                .plus("Connection", "keep-alive").without("Sec-WebSocket-Version")
                .followedBy(new byte[] {'!'}).bytes(uri), StandardCharsets.ISO_8859_1);
        assertEquals("GET /echo?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key:   abc \r\nConnection: keep-alive\r\n\r\n!", request);
        HandshakeScript script = new HandshakeScript("t", RequestTemplate.standard().with("Sec-WebSocket-Key", " " + KEY + "\t")
                .with("Sec-WebSocket-Protocol", "a, , b"), new HandshakeExpectation.Accepts(false));
        assertEquals(new ClientOffer(KEY, List.of("a", "b"), List.of()), script.offer());
    }
}
