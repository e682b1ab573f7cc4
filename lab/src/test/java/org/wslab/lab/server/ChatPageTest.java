package org.wslab.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both engines serve the chat page at {@code /} as one document: the form, the inlined script that
 * speaks STOMP over {@code /websocket/app}, and the endpoint list, with a Content-Length that is
 * the body's UTF-8 length (RFC 9110 §8.6) and an HTML Content-Type (§8.3).
 */
class ChatPageTest {
    @RegisterExtension
    final TestServer servers = new TestServer();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void bothEnginesServeTheChatWithItsScriptAndTheEndpointList(Engine engine) throws Exception {
        servers.start(engine);
        HttpResponse<byte[]> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(servers.get().baseUri()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
        assertEquals(page.body().length, page.headers().firstValueAsLong("Content-Length").orElse(-1));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<form id=\"chat-form\">"), html);
        assertTrue(html.contains(IndexPage.script()), "the script is inlined whole");
        assertTrue(html.contains("\"v12.stomp\", \"v11.stomp\", \"v10.stomp\""), html);
        assertTrue(html.contains(servers.echoUri().toString()), "the endpoint list stays on the page");
        assertTrue(!html.contains("{{"), "every placeholder is filled");
    }

    // RFC 9110 §9.3.2: HEAD gets GET's head, Content-Length included, and no content
    @ParameterizedTest
    @EnumSource(Engine.class)
    void headGetsTheSameLengthAndNoBody(Engine engine) throws Exception {
        servers.start(engine);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(servers.get().baseUri()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(servers.get().baseUri())
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(get.body().length, head.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    @Test
    void theScriptEscapesHeadersAsStomp12SaysAndNeverInsertsHtml() {
        String js = IndexPage.script();
        // STOMP 1.2 "Value Encoding": the four escapes, and CONNECT/CONNECTED left unescaped
        for (String escape : new String[] {"\"\\\\\\\\\"", "\"\\\\n\"", "\"\\\\c\"", "\"\\\\r\""}) {
            assertTrue(js.contains(escape), escape);
        }
        assertTrue(js.contains("command === \"CONNECT\""), "CONNECT is not escaped");
        assertTrue(js.contains("\"\\0\""), "frames end with NUL");
        assertTrue(!js.contains("innerHTML"), "messages are text, never HTML");
    }
}
