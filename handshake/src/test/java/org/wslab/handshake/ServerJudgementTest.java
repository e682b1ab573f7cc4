package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.http.HeadPropertiesTest;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.testkit.Props;

/**
 * A server judged by its answer (RFC 6455 §4.2.1, §4.2.2, §4.4): this module's own server always
 * behaves; a 101 to a request it must refuse, a version refusal without Sec-WebSocket-Version and
 * a refusal that is no client error are each named; the 101-only response rules are not checked
 * on another status.
 */
class ServerJudgementTest {
    private static final ServerHandshake OURS = new ServerHandshake(ServerPolicy.defaults());

    private static RequestHead request(String... replacements) {
        Headers h = ServerHandshakeTest.RFC_REQUEST.without("Sec-WebSocket-Protocol");
        for (int i = 0; i < replacements.length; i += 2) {
            h = h.without(replacements[i]);
            if (!replacements[i + 1].isEmpty()) {
                h = h.with(replacements[i], replacements[i + 1]);
            }
        }
        return RequestHead.get("/chat", h);
    }

    private static ResponseHead answer(RequestHead request) {
        return HeadPropertiesTest.parsedHead(ResponseHeadParser.parse(OURS.respond(request).bytes()));
    }

    @Test
    void aGoodRequestAndOurServersAnswerOpen() {
        RequestHead good = request();
        ServerJudgement j = ServerJudgement.of(good, answer(good));
        assertInstanceOf(ServerConduct.Opened.class, j.conduct());
        assertTrue(j.conduct().proper());
        assertEquals(List.of(), j.notChecked());
        assertTrue(j.checks().stream().noneMatch(RuleCheck::failed), j.checks()::toString);
    }

    @Test
    void ourServersRefusalOfAnOldVersionIsAsRequired() {
        RequestHead v8 = request("Sec-WebSocket-Version", "8");
        ServerJudgement j = ServerJudgement.of(v8, answer(v8));
        ServerConduct.RefusedAsRequired r = assertInstanceOf(ServerConduct.RefusedAsRequired.class, j.conduct());
        assertEquals(HandshakeRule.VERSION_13, r.broken().rule());
        assertEquals(426, r.response().status());
        assertEquals(Outcome.INFO, j.responseChecks().get(0).outcome()); // no 101 is right here
        assertEquals(List.of(HandshakeRule.RESPONSE_UPGRADE_WEBSOCKET, HandshakeRule.RESPONSE_CONNECTION_UPGRADE,
                HandshakeRule.ACCEPT_MATCHES_KEY, HandshakeRule.RESPONSE_EXTENSIONS_OFFERED,
                HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED), j.notChecked());
    }

    @Test
    void a101ToABadKeyIsAcceptingARequestItMustRefuse() {
        RequestHead bad = request("Sec-WebSocket-Key", "abc");
        ResponseHead ok = ResponseHead.of(101, "Switching Protocols", Headers.of("Upgrade", "websocket",
                "Connection", "Upgrade", "Sec-WebSocket-Accept", AcceptKey.of("abc")));
        ServerJudgement j = ServerJudgement.of(bad, ok);
        assertEquals(Optional.of(HandshakeRule.KEY_IS_16_BYTES_BASE64), j.conduct().rule());
        assertInstanceOf(ServerConduct.AcceptedBadRequest.class, j.conduct());
        assertInstanceOf(ClientVerdict.Accepted.class, j.clientVerdict()); // the socket is open all the same
    }

    @Test
    void a404WithoutVersionsIsNotTheRefusalSection4_4Asks() {
        RequestHead v8 = request("Sec-WebSocket-Version", "8");
        ServerJudgement j = ServerJudgement.of(v8, ResponseHead.of(404, "Not Found", Headers.of("Content-Length", "0")));
        ServerConduct.RefusedImproperly r = assertInstanceOf(ServerConduct.RefusedImproperly.class, j.conduct());
        assertEquals(RefusalRule.VERSION_REFUSAL_LISTS_VERSIONS, r.refusal().rule());
        assertTrue(r.refusal().detail().contains("426 Upgrade Required"), r.refusal()::detail);
        // the same 404 with the versions listed is a refusal as required (§4.4's own example is a 400)
        ServerJudgement listed = ServerJudgement.of(v8, ResponseHead.of(400, "Bad Request",
                Headers.of("Sec-WebSocket-Version", "13")));
        assertInstanceOf(ServerConduct.RefusedAsRequired.class, listed.conduct());
    }

    @Test
    void aRefusalThatIsNoClientErrorIsNamed() {
        RequestHead noUpgrade = request("Upgrade", "");
        ServerJudgement j = ServerJudgement.of(noUpgrade, ResponseHead.of(200, "OK", Headers.empty()));
        assertEquals(Optional.of(RefusalRule.REFUSED_WITH_CLIENT_ERROR), j.conduct().rule());
    }

    @Test
    void aGoodRequestWithoutA101IsNotOpenedAndTheOriginIsNotCalledAccepted() {
        RequestHead good = request("Origin", "https://evil.example");
        ServerJudgement j = ServerJudgement.of(good, ResponseHead.of(403, "Forbidden", Headers.empty()));
        assertInstanceOf(ServerConduct.NotOpened.class, j.conduct());
        RuleCheck origin = j.requestChecks().stream().filter(c -> c.rule() == HandshakeRule.ORIGIN_ALLOWED)
                .findFirst().orElseThrow();
        assertEquals(Outcome.INFO, origin.outcome());
        assertTrue(!origin.detail().contains("accepted "), origin::detail);
        assertEquals(List.of(HandshakeRule.STATUS_101), j.responseChecks().stream().map(RuleCheck::rule).toList());
    }

    @Test
    void ourServerBehavesForAnyRequest() {
        // §4.2.1 / §4.4: whatever the request, ServerHandshake opens a good one and refuses a bad one as required
        Props.qt().forAll(HandshakePropertiesTest.handshakeLikeRequests()).checkAssert(request -> {
            ServerJudgement j = ServerJudgement.of(request, answer(request));
            assertTrue(j.conduct().proper(), () -> request + "\n" + j);
            boolean broken = RequestRules.check(request, OriginPolicy.any()).stream().anyMatch(RuleCheck::failed);
            assertEquals(broken, j.conduct() instanceof ServerConduct.RefusedAsRequired, j::toString);
        });
    }
}
