package org.wslab.handshake.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/** Literal messy pastes, each judged rule by rule on the right side (RFC 6455 §4.1, §4.2.1; RFC 9112). */
class MessyTranscriptTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    private static final String FIELDS = "Host: x\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Version: 13\n";
    private static final String RESPONSE = "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n"
            + "Sec-WebSocket-Accept: " + ACCEPT + "\n";

    private static Explanation explain(String file) {
        return TranscriptExplainer.explain(assertInstanceOf(Transcript.Reading.Split.class,
                Transcript.read(file.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<SpecRule> failed(Explanation e, CheckSide side) {
        return e.checks(side).stream().filter(RuleCheck::failed).map(RuleCheck::rule).toList();
    }

    @Test
    void anHttp10PostBreaksBothRulesOfTheRequestLineAndTheResponseIsStillJudged() {
        Explanation e = explain("POST /chat HTTP/1.0\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\n\n" + RESPONSE);
        assertEquals(List.of(HandshakeRule.METHOD_GET, HandshakeRule.HTTP_VERSION_1_1), failed(e, CheckSide.REQUEST));
        assertEquals(List.of(), failed(e, CheckSide.RESPONSE));
        assertEquals(Outcome.PASS, e.checksOf(HandshakeRule.ACCEPT_MATCHES_KEY).get(0).outcome(), "the key was read: " + e.checks());
    }

    @Test
    void twoKeysAreARequestFaultAndNoAcceptIsComputed() {
        Explanation e = explain("GET /chat HTTP/1.1\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\nSec-WebSocket-Key: " + KEY
                + "\n\n" + RESPONSE);
        assertEquals(List.of(HandshakeRule.KEY_PRESENT_ONCE), failed(e, CheckSide.REQUEST));
        assertEquals(List.of(), failed(e, CheckSide.RESPONSE));
        RuleCheck accept = e.checksOf(HandshakeRule.ACCEPT_MATCHES_KEY).get(0);
        assertEquals(Outcome.INFO, accept.outcome());
        assertTrue(accept.detail().contains("2 Sec-WebSocket-Key fields") && accept.detail().contains("§11.3.1"), accept.detail());
    }

    @Test
    void noKeyOrAnEmptyKeyGivesNoExpectedAccept() {
        for (String key : new String[] {"", "Sec-WebSocket-Key:\n"}) {
            Explanation e = explain("GET /chat HTTP/1.1\n" + FIELDS + key + "\n" + RESPONSE);
            RuleCheck accept = e.checksOf(HandshakeRule.ACCEPT_MATCHES_KEY).get(0);
            assertEquals(Outcome.INFO, accept.outcome(), accept.toString());
            assertTrue(accept.detail().startsWith("not judged: no expected accept can be computed"), accept.detail());
            assertTrue(failed(e, CheckSide.REQUEST).contains(HandshakeRule.KEY_PRESENT_ONCE)
                    || failed(e, CheckSide.REQUEST).contains(HandshakeRule.KEY_IS_16_BYTES_BASE64), e.checks().toString());
        }
    }

    @Test
    void everyBrokenLineIsListedOnItsSide() {
        Explanation e = explain("GET /chat HTTP/1.1\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\nno colon here\nBad Name: x\n\n"
                + RESPONSE + " folded\n");
        assertEquals(List.of(HttpRule.FIELD_LINE_SYNTAX, HttpRule.FIELD_NAME_TOKEN), failed(e, CheckSide.REQUEST));
        assertEquals(List.of(HttpRule.OBSOLETE_LINE_FOLDING), failed(e, CheckSide.RESPONSE));
        assertTrue(e.request().isPresent() && e.response().isPresent());
    }

    @Test
    void aBomIsSkippedAndNamed() {
        Explanation e = explain("\uFEFFGET /chat HTTP/1.1\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\n\n" + RESPONSE);
        assertTrue(e.passed(), e.failures().toString());
        assertEquals(1, e.checksOf(TranscriptRule.BYTE_ORDER_MARK).size());
    }

    @Test
    void chromesDevToolsCopyIsRebuiltAndJudged() {
        String chrome = """
                Request URL: ws://localhost:8080/chat?room=1
                Request Method: GET
                Status Code: 101 Switching Protocols

                Response Headers
                connection: Upgrade
                sec-websocket-accept: %s
                upgrade: websocket

                Request Headers
                Provisional headers are shown
                connection: Upgrade
                upgrade: websocket
                sec-websocket-key: %s
                sec-websocket-version: 13
                """.formatted(ACCEPT, KEY);
        Explanation e = explain(chrome);
        assertTrue(e.passed(), e.failures().toString());
        assertEquals("GET", e.request().orElseThrow().method());
        assertEquals("/chat?room=1", e.request().orElseThrow().target());
        assertEquals("localhost:8080", e.request().orElseThrow().headers().first("Host").orElseThrow());
        String note = e.checksOf(TranscriptRule.DEVTOOLS_COPY).get(0).detail();
        assertTrue(note.startsWith("read as a browser DevTools copy") && note.contains("Host: localhost:8080 from the Request URL"), note);
    }

    @Test
    void firefoxsHeadersWithPseudoHeaderFieldsAreJudgedToo() {
        String firefox = """
                Response Headers (129 B)
                :status: 101
                upgrade: websocket
                connection: upgrade
                sec-websocket-accept: %s

                Request Headers (412 B)
                :method: GET
                :path: /chat
                :authority: example.com
                :scheme: https
                sec-websocket-version: 13
                sec-websocket-key: %s
                connection: keep-alive, Upgrade
                upgrade: websocket
                """.formatted(ACCEPT, KEY);
        Explanation e = explain(firefox);
        assertTrue(e.passed(), e.failures().toString());
        assertEquals(101, e.response().orElseThrow().status());
        assertTrue(e.checksOf(TranscriptRule.DEVTOOLS_COPY).get(0).detail().contains("pseudo-header"));
    }

    @Test
    void aDevToolsCopyWithAWrongAcceptFailsOnTheResponseSide() {
        String copy = "Request URL: ws://h/x\nRequest Method: GET\nStatus Code: 101 Switching Protocols\n\nResponse Headers\n"
                + "upgrade: websocket\nconnection: Upgrade\nsec-websocket-accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\nRequest Headers\n"
                + "host: h\nupgrade: websocket\nconnection: Upgrade\nsec-websocket-key: " + KEY + "\nsec-websocket-version: 13\n";
        Explanation e = explain(copy);
        assertEquals(List.of(HandshakeRule.ACCEPT_MATCHES_KEY), failed(e, CheckSide.RESPONSE));
        assertEquals(List.of(), failed(e, CheckSide.REQUEST));
    }

    @Test
    void aDevToolsCopyWithoutAStatusIsNoTranscript() {
        Transcript.Reading r = Transcript.read("Request Headers\nhost: h\nupgrade: websocket\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertInstanceOf(Transcript.Reading.Invalid.class, r).detail().contains("no status code"), r.toString());
    }

    @Test
    void chromesRawViewSourceHeadsUnderTheirHeadingsAreReadInThePanesOrder() {
        String raw = "General\nRequest URL: ws://x/chat\n\nResponse Headers\nview parsed\n" + RESPONSE
                + "\nRequest Headers\nview parsed\nGET /chat HTTP/1.1\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\n";
        Explanation e = explain(raw);
        assertTrue(e.passed(), e.failures().toString());
        assertTrue(e.checksOf(TranscriptRule.DEVTOOLS_COPY).get(0).detail().contains("raw heads"));
        assertEquals("/chat", e.request().orElseThrow().target());
    }

    @Test
    void onlyNameValueLinesWithAWebSocketKeyAreACopyToo() {
        String fields = "host: x\nupgrade: websocket\nconnection: Upgrade\nsec-websocket-key: " + KEY
                + "\nsec-websocket-version: 13\n\n:status: 101\nupgrade: websocket\nconnection: Upgrade\nsec-websocket-accept: " + ACCEPT + "\n";
        Explanation e = explain(fields);
        assertTrue(e.passed(), e.failures().toString());
        assertTrue(e.checksOf(TranscriptRule.DEVTOOLS_COPY).get(0).detail().contains("taken as GET"));
    }

    @Test
    void startLinesSplitOnRunsOfWhitespaceAreReadAndNamed() {
        Explanation e = explain("GET  /chat\tHTTP/1.1\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\n\n" + RESPONSE);
        assertTrue(e.passed(), e.failures().toString());
        RuleCheck note = e.checks(CheckSide.REQUEST).get(0);
        assertEquals(HttpRule.REQUEST_LINE_SYNTAX, note.rule());
        assertEquals(Outcome.INFO, note.outcome());
    }

    @Test
    void aBrokenStartLineIsOneFaultAndTheFieldsAreStillJudged() {
        Explanation e = explain("GET chat HTTP/1.1\nHost: x\nUpgrade: websocket\nSec-WebSocket-Version: 13\n"
                + "Sec-WebSocket-Key: " + KEY + "\n\nHTTP/1.1 abc Switching Protocols\nUpgrade: websocket\n");
        assertEquals(List.of(HttpRule.REQUEST_TARGET_FORM, HandshakeRule.CONNECTION_UPGRADE), failed(e, CheckSide.REQUEST));
        assertEquals(List.of(HttpRule.STATUS_LINE_SYNTAX, HandshakeRule.RESPONSE_CONNECTION_UPGRADE, HandshakeRule.ACCEPT_MATCHES_KEY),
                failed(e, CheckSide.RESPONSE));
        assertTrue(e.checksOf(HandshakeRule.METHOD_GET).isEmpty() && e.checksOf(HandshakeRule.STATUS_101).isEmpty(),
                "no start-line rule judges a stand-in: " + e.checks());
        assertTrue(e.request().isEmpty() && e.response().isEmpty());
    }
}
