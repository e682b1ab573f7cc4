package org.wslab.lab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;

/**
 * The hint for a 404: from the lab itself it names the lab's paths; from an answer that names a
 * reverse proxy (its {@code Server} or a {@code Via}) it says the proxy may have dropped the
 * hop-by-hop {@code Upgrade} and {@code Connection} (RFC 9110 §7.6.1), which is what a proxy left
 * at its defaults does.
 */
class ConnectFailuresHintTest {
    private static ResponseHead head(String text) {
        ParseResult<ResponseHead> r = ResponseHeadParser.parse(text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return ((ParseResult.Parsed<ResponseHead>) r).head();
    }

    @Test
    void aPlain404NamesTheLabsPaths() {
        String hint = ConnectFailures.hint(head("HTTP/1.1 404 Not Found\nContent-Length: 0\n\n"), "/nowhere");
        assertEquals("nothing is served at /nowhere (the lab serves /websocket/echo and /websocket/app)", hint);
    }

    @Test
    void a404FromNginxSuspectsTheProxy() {
        String hint = ConnectFailures.hint(head("HTTP/1.1 404 Not Found\nServer: nginx/1.22.1\nContent-Length: 0\n\n"), "/plain/echo");
        assertTrue(hint.contains("Server: nginx/1.22.1") && hint.contains("hop-by-hop (RFC 9110 §7.6.1)"), hint);
    }

    @Test
    void aViaHeaderNamesTheProxyToo() {
        String hint = ConnectFailures.hint(head("HTTP/1.1 404 Not Found\nVia: 1.1 edge\nServer: Jetty\n\n"), "/x");
        assertTrue(hint.contains("Via: 1.1 edge"), hint);
    }

    @Test
    void aServerThatIsNoProxyIsNotSuspected() {
        String hint = ConnectFailures.hint(head("HTTP/1.1 404 Not Found\nServer: Jetty(12)\n\n"), "/x");
        assertTrue(hint.startsWith("nothing is served at /x (the lab serves"), hint);
    }
}
