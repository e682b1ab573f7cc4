package org.wslab.benchmarks.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.benchmarks.Agreement;

/** The request-parse suite agrees on both requests, and its check sees a wrong field value. */
class RequestParseBenchTest {
    @ParameterizedTest
    @ValueSource(strings = {"notes", "browser"})
    void allThreeParsersAgree(String request) {
        RequestParseBench b = new RequestParseBench();
        b.request = request;
        b.agree();
        try {
            assertTrue(b.jetty());
            assertEquals("GET", b.netty().method().name());
            assertEquals(request.equals("notes") ? 15 : 14, RequestParseBench.view(b.wslab()).size());
        } finally {
            b.close();
        }
    }

    @Test
    void aDifferentValueIsADisagreement() {
        RequestParseBench b = new RequestParseBench();
        b.request = "notes";
        b.agree();
        try {
            List<String> ours = RequestParseBench.view(b.wslab());
            int key = ours.indexOf("sec-websocket-key: I88buTTIKcJE1QKxHAMpnA==");
            assertTrue(key > 0);
            // corrupt one octet of the key on the Netty side only
            byte[] changed = b.bytes.clone();
            String text = new String(changed, java.nio.charset.StandardCharsets.ISO_8859_1);
            changed[text.indexOf("I88bu")] = 'J';
            b.bytes = changed;
            assertThrows(Agreement.Disagreement.class,
                    () -> Agreement.same("netty", ours, RequestParseBench.view(b.netty())));
        } finally {
            b.close();
        }
    }
}
