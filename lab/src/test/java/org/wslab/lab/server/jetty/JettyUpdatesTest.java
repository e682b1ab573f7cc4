package org.wslab.lab.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.jetty.updates.UpdateLimits;

/** The update feed's HTTP and WebSocket endpoints on the lab's Jetty server, and their limits. */
class JettyUpdatesTest {
    private static final UpdateLimits TWO = new UpdateLimits(4, 64, 1, 2, Duration.ofMillis(50));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private JettyLabServer server;

    private JettyLabServer start(UpdateLimits limits) throws Exception {
        server = JettyLabServer.start(LabServerConfig.defaults().withAddress("127.0.0.1", 0), EndpointRegistry.defaults(), limits);
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Waits (bounded, not a timed assertion) until the feed has {@code n} subscribers. */
    private static void awaitSubscribers(IntSupplier count, int n) throws InterruptedException {
        for (int i = 0; i < 2_000 && count.getAsInt() != n; i++) {
            Thread.sleep(5);
        }
        assertEquals(n, count.getAsInt(), "subscribers");
    }

    @Test
    void aPollAnswers204ThenTheUpdatesAfterTheAskedNumber() throws Exception {
        start(UpdateLimits.DEFAULT);
        assertEquals(204, get("/updates/poll").statusCode());
        server.updates().publish("hello");
        server.updates().publish("world");
        HttpResponse<String> r = get("/updates/poll?after=0");
        assertEquals(200, r.statusCode());
        assertEquals("1 hello\n2 world\n", r.body());
        assertEquals("no-store", r.headers().firstValue("cache-control").orElseThrow());
        assertEquals("2 world\n", get("/updates/poll?after=1").body());
        assertEquals(204, get("/updates/poll?after=2").statusCode());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POST /updates/publish feeds every way of waiting; its limits answer 413 and 400, another method 405. */
    @Test
    void aPostPublishesOneLineAndItsLimitsAreNamed() throws Exception {
        start(TWO);
        HttpResponse<String> published = post("/updates/publish", "price 101\n");
        assertEquals(201, published.statusCode(), published.body());
        assertEquals("published 1\n", published.body());
        assertEquals("1 price 101\n", get("/updates/poll?after=0").body());
        HttpResponse<String> tooLong = post("/updates/publish", "x".repeat(65));
        assertEquals(413, tooLong.statusCode());
        assertTrue(tooLong.body().contains("at most 64 bytes"), tooLong.body());
        assertEquals(400, post("/updates/publish", "two\nlines").statusCode());
        HttpResponse<String> got = get("/updates/publish");
        assertEquals(405, got.statusCode());
        assertEquals("POST", got.headers().firstValue("allow").orElseThrow());
        assertEquals(1, server.updates().lastSeq(), "only the good one was published");
    }

    @Test
    void badRequestsAreRefusedWithTheirStatus() throws Exception {
        start(TWO);
        assertEquals(400, get("/updates/poll?after=-1").statusCode());
        assertEquals(400, get("/updates/long-poll?after=x").statusCode());
        assertEquals(400, get("/updates/events?after=1234567890123456789").statusCode());
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/updates/poll"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        for (int i = 0; i < 6; i++) {
            server.updates().publish("u" + i);
        }
        HttpResponse<String> gone = get("/updates/poll?after=0");
        assertEquals(410, gone.statusCode());
        assertTrue(gone.body().contains("after=2"), gone.body());
    }

    @Test
    void aLongPollIsHeldUntilTheUpdateAndAnswered204WhenItsWaitRunsOut() throws Exception {
        start(new UpdateLimits(4, 64, 1, 2, Duration.ofHours(1)));
        CompletableFuture<HttpResponse<String>> held = http.sendAsync(
                HttpRequest.newBuilder(server.baseUri().resolve("/updates/long-poll?after=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        awaitSubscribers(() -> server.updates().subscribers(), 1);
        assertEquals(503, get("/updates/long-poll?after=0").statusCode(), "one held poll is the limit");
        server.updates().publish("now");
        assertEquals("1 now\n", held.get().body());
        awaitSubscribers(() -> server.updates().subscribers(), 0);
        server.close();
        start(TWO);
        assertEquals(204, get("/updates/long-poll?after=0").statusCode(), "held 50 ms, then nothing");
        assertEquals(0, server.updates().subscribers());
    }

    @Test
    void anEventStreamCarriesEachUpdateAsAnEventAndCatchesUpFromLastEventId() throws Exception {
        start(TWO);
        server.updates().publish("before");
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/updates/events"))
                .header("Last-Event-ID", "0").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        assertEquals(503, get("/updates/events").statusCode(), "one subscriber is the limit");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            assertEquals("id: 1", in.readLine());
            assertEquals("data: before", in.readLine());
            assertEquals("", in.readLine());
            server.updates().publish("live");
            assertEquals("id: 2", in.readLine());
            assertEquals("data: live", in.readLine());
            assertEquals("", in.readLine());
            server.updates().close();
            assertEquals(null, in.readLine(), "the stream ends when the feed closes");
        }
    }

    @Test
    void theWebSocketPushesEachUpdateAndASecondSubscriberIsToldToTryLater() throws Exception {
        start(TWO);
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + JettyUpdatesEndpoint.PATH);
        WebSocketUri ws = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(uri.toString())).uri();
        try (BlockingWebSocket first = BlockingWebSocket.connect(ws, ClientOptions.defaults(), EngineSettings.defaults())) {
            first.awaitOpen();
            awaitSubscribers(() -> server.updates().subscribers(), 1);
            BlockingWebSocket second = BlockingWebSocket.connect(ws, ClientOptions.defaults(), EngineSettings.defaults());
            second.awaitOpen();
            Event.Closed refused = assertInstanceOf(Event.Closed.class, nextOf(second));
            assertEquals(1013, refused.code());
            second.close();
            server.updates().publish("pushed");
            Event.TextMessage m = assertInstanceOf(Event.TextMessage.class, nextOf(first));
            assertEquals("1 pushed", new String(m.utf8(), StandardCharsets.UTF_8));
        }
    }

    /** Publishes until the feed has dropped its one subscriber (a reader that does not read); bounded. */
    private void publishUntilDropped() {
        String update = "x".repeat(60);
        for (int i = 0; i < 2_000_000 && server.updates().subscribers() > 0; i++) {
            server.updates().publish(update);
        }
        assertEquals(0, server.updates().subscribers(), "the slow reader was cut off");
    }

    @Test
    void aWebSocketReaderThatDoesNotReadIsClosedWith1008() throws Exception {
        start(TWO);
        WebSocketUri ws = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                "ws://127.0.0.1:" + server.port() + JettyUpdatesEndpoint.PATH)).uri();
        try (BlockingWebSocket slow = BlockingWebSocket.connect(ws, ClientOptions.defaults(), EngineSettings.defaults())) {
            slow.awaitOpen();
            awaitSubscribers(() -> server.updates().subscribers(), 1);
            publishUntilDropped(); // the client's queue fills, it stops reading, TCP fills, Jetty's sends wait
            Event last = null;
            for (Event e; (e = slow.next()) != null; ) {
                last = e;
            }
            assertEquals(1008, assertInstanceOf(Event.Closed.class, last).code());
        }
    }

    @Test
    void anEventStreamReaderThatDoesNotReadIsCutOff() throws Exception {
        start(TWO);
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/updates/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        publishUntilDropped();
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[8192];
            boolean failed = false;
            try {
                while (in.read(buffer) >= 0) {
                    // drain what was sent before the cut
                }
            } catch (java.io.IOException cut) {
                failed = true; // the response ended without its last chunk
            }
            assertTrue(failed, "the stream was aborted, not ended as if complete");
        }
        HttpResponse<InputStream> again = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/updates/events"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, again.statusCode(), "the cut reader's place is free again");
        again.body().close();
    }

    private static Event nextOf(BlockingWebSocket ws) throws Exception {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.TextMessage || e instanceof Event.Closed) {
                return e;
            }
        }
        throw new AssertionError("ended without a Closed event");
    }
}
