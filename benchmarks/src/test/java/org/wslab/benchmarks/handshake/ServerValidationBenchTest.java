package org.wslab.benchmarks.handshake;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.benchmarks.Agreement;

/** The server-validation suite's checks hold on both requests and fail on a request without deflate. */
class ServerValidationBenchTest {
    @ParameterizedTest
    @ValueSource(strings = {"notes", "browser"})
    void bothRequestsGetThe101(String request) throws Exception {
        String response = respond(request);
        assertTrue(response.contains("Sec-WebSocket-Protocol: v12.stomp\r\n"), response);
    }

    private static String respond(String request) throws Exception {
        ServerValidationBench b = new ServerValidationBench();
        b.request = request;
        b.agree();
        return new String(b.wslab(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void theBrowserRequestGetsTheRfcExampleAccept() throws Exception {
        // the browser request carries RFC 6455 §1.3's example key (the notes' recorded accept is
        // known not to match their key, so it cannot serve here)
        String response = respond("browser");
        assertTrue(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), response);
    }

    @Test
    void aRequestWithoutTheOfferFailsTheCheck() throws Exception {
        ServerValidationBench b = new ServerValidationBench();
        b.request = "browser";
        b.agree();
        b.head = new org.wslab.handshake.http.RequestHead(b.head.method(), b.head.target(), b.head.version(),
                b.head.headers().without("Sec-WebSocket-Extensions"));
        assertThrows(Agreement.Disagreement.class, b::check);
    }
}
