package org.wslab.lab.server.jetty.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.jetty.JettyLabServer;

/** The notes board over REST and WebSocket on the lab's Jetty server, and its typed refusals. */
class JettyNotesTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private JettyLabServer server;

    @BeforeEach
    void start() throws Exception {
        server = JettyLabServer.start(LabServerConfig.defaults().withAddress("127.0.0.1", 0), EndpointRegistry.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private BlockingWebSocket connect() throws IOException {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                "ws://127.0.0.1:" + server.port() + JettyNotesEndpoint.PATH)).uri();
        BlockingWebSocket ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(), EngineSettings.defaults());
        assertInstanceOf(Event.HandshakeCompleted.class, ws.awaitOpen());
        for (int i = 0; i < 2_000 && server.notes().subscribers() == 0; i++) {
            Sleep.briefly();
        }
        return ws;
    }

    private static String nextText(BlockingWebSocket ws) throws IOException {
        Event e = ws.next();
        return new String(assertInstanceOf(Event.TextMessage.class, e).utf8(), StandardCharsets.UTF_8);
    }

    private static Event.Closed nextClose(BlockingWebSocket ws) throws IOException {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.Closed c) {
                return c;
            }
        }
        throw new AssertionError("no close");
    }

    @Test
    void aPostedNoteIsCreatedAndListedAfterItsPredecessor() throws Exception {
        HttpResponse<String> created = send("POST", "/api/notes", "{\"text\":\"hello\"}");
        assertEquals(201, created.statusCode());
        assertEquals("{\"id\":1,\"text\":\"hello\"}", created.body());
        assertEquals("application/json", created.headers().firstValue("content-type").orElseThrow());
        assertEquals(201, send("POST", "/api/notes", "{\"text\":\"world\"}").statusCode());
        assertEquals("[{\"id\":1,\"text\":\"hello\"},{\"id\":2,\"text\":\"world\"}]", send("GET", "/api/notes", null).body());
        assertEquals("[{\"id\":2,\"text\":\"world\"}]", send("GET", "/api/notes?since=1", null).body());
        assertEquals("[]", send("GET", "/api/notes?since=2", null).body());
    }

    @Test
    void badRequestsGetTheirStatusAndTheRule() throws Exception {
        HttpResponse<String> big = send("POST", "/api/notes", "{\"text\":\"" + "x".repeat(2000) + "\"}");
        assertEquals(413, big.statusCode());
        assertTrue(big.body().contains("at most 1024 bytes"), big.body());
        // the body was left unread, so the connection ends and says so (RFC 9112 §9.6): a client that
        // reused it would lose its next request
        assertEquals("close", big.headers().firstValue("connection").orElse("(none)"));
        HttpResponse<String> longText = send("POST", "/api/notes", "{\"text\":\"" + "x".repeat(300) + "\"}");
        assertEquals(413, longText.statusCode());
        assertTrue(longText.body().contains("at most 280 bytes"), longText.body());
        assertEquals(400, send("POST", "/api/notes", "{\"text\":1}").statusCode());
        assertEquals(400, send("POST", "/api/notes", "{\"text\":\"a\",\"more\":2}").statusCode());
        assertEquals(400, send("POST", "/api/notes", "not json").statusCode());
        assertEquals(400, send("POST", "/api/notes", "{\"text\":\"two\\nlines\"}").statusCode());
        assertEquals(400, send("GET", "/api/notes?since=-1", null).statusCode());
        HttpResponse<String> put = send("PUT", "/api/notes", "{}");
        assertEquals(405, put.statusCode());
        assertEquals("GET, POST", put.headers().firstValue("allow").orElseThrow());
        assertEquals("[]", send("GET", "/api/notes", null).body(), "nothing refused was added");
    }

    @Test
    void oldNotesAreGoneNotSilentlyMissing() throws Exception {
        for (int i = 0; i <= JettyNotesHandler.LIMITS.retained(); i++) {
            assertEquals(201, send("POST", "/api/notes", "{\"text\":\"n" + i + "\"}").statusCode());
        }
        HttpResponse<String> gone = send("GET", "/api/notes?since=0", null);
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("since=1"), gone.body());
    }

    @Test
    void everyNoteIsPushedToEverySessionWhicheverWayItCame() throws Exception {
        try (BlockingWebSocket writer = connect(); BlockingWebSocket reader = connect()) {
            for (int i = 0; i < 2_000 && server.notes().subscribers() < 2; i++) {
                Sleep.briefly();
            }
            writer.sendText("{\"text\":\"over websocket\"}");
            assertEquals("{\"id\":1,\"text\":\"over websocket\"}", nextText(reader));
            assertEquals("{\"id\":1,\"text\":\"over websocket\"}", nextText(writer), "the sender's confirmation");
            assertEquals(201, send("POST", "/api/notes", "{\"text\":\"over rest\"}").statusCode());
            assertEquals("{\"id\":2,\"text\":\"over rest\"}", nextText(reader));
            assertEquals("{\"id\":2,\"text\":\"over rest\"}", nextText(writer));
            writer.sendText("[]");
            assertTrue(nextText(writer).startsWith("{\"error\":"));
            writer.sendText("{\"text\":\"" + "x".repeat(2000) + "\"}");
            assertEquals(1009, nextClose(writer).code());
            reader.sendBinary(new byte[] {1});
            assertEquals(1003, nextClose(reader).code());
        }
        assertEquals("[{\"id\":1,\"text\":\"over websocket\"},{\"id\":2,\"text\":\"over rest\"}]",
                send("GET", "/api/notes", null).body());
    }

    /** A short bounded wait while a subscription reaches the server (not a timed assertion). */
    private static final class Sleep {
        static void briefly() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
