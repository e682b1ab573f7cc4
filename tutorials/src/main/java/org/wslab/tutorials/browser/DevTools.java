package org.wslab.tutorials.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * One Chrome DevTools Protocol connection, spoken over OUR WebSocket client
 * ({@link BlockingWebSocket}, RFC 6455 client side): each command is a JSON text message
 * {@code {"id", "method", "params"}} and its answer the message with the same {@code id}, holding
 * {@code result} or {@code error}. Events (messages without an id) are not needed here and are
 * dropped after reading. A reader thread takes every message so the socket never stalls; every
 * call waits at most its timeout.
 */
public final class DevTools implements AutoCloseable {
    /** Screenshots arrive as one base64 message of a few hundred KiB; allow far more. */
    private static final long MAX_MESSAGE = 32L << 20;

    private final ObjectMapper json = new ObjectMapper();
    private final BlockingWebSocket ws;
    private final Duration timeout;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Thread reader;

    private DevTools(BlockingWebSocket ws, Duration timeout) {
        this.ws = ws;
        this.timeout = timeout;
        this.reader = new Thread(this::read, "devtools-reader");
        reader.setDaemon(true);
    }

    /** Opens {@code url} (a {@code ws://127.0.0.1:PORT/devtools/…} address) within {@code timeout}. */
    public static DevTools open(String url, Duration timeout) throws IOException {
        if (!(WebSocketUri.parse(url) instanceof WebSocketUri.Parse.Valid valid)) {
            throw new IOException("not a WebSocket URL: " + url);
        }
        BlockingWebSocket ws = BlockingWebSocket.connect(valid.uri(), ClientOptions.defaults(),
                EngineSettings.defaults().withLimits(MAX_MESSAGE, MAX_MESSAGE));
        if (ws.awaitOpen() == null) {
            ws.close();
            throw new IOException("the DevTools handshake with " + url + " failed: " + ws.lastEvent());
        }
        DevTools d = new DevTools(ws, timeout);
        d.reader.start();
        return d;
    }

    private void read() {
        try {
            for (Event e; (e = ws.next()) != null; ) {
                if (e instanceof Event.TextMessage m) {
                    JsonNode message = json.readTree(m.utf8());
                    CompletableFuture<JsonNode> call = message.has("id") ? waiting.remove(message.get("id").asInt()) : null;
                    if (call != null) {
                        call.complete(message);
                    }
                }
            }
        } catch (IOException e) {
            waiting.values().forEach(c -> c.completeExceptionally(e));
        }
        waiting.values().forEach(c -> c.completeExceptionally(new IOException("the DevTools connection closed")));
    }

    /** Sends {@code method} with {@code params}; returns its {@code result}, or throws its {@code error}. */
    public JsonNode call(String method, ObjectNode params) throws IOException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        ws.sendText(json.writeValueAsString(command));
        JsonNode reply;
        try {
            reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException(method + " got no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for " + method);
        } finally {
            waiting.remove(id);
        }
        if (reply.has("error")) {
            throw new IOException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** An empty parameter object to fill. */
    public ObjectNode params() {
        return json.createObjectNode();
    }

    /**
     * Evaluates {@code expression} in the page (Runtime.evaluate, awaiting a promise) and returns its
     * value as JSON; a thrown exception is an {@link IOException} with its text.
     */
    public JsonNode evaluate(String expression) throws IOException {
        JsonNode r = call("Runtime.evaluate", params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("the page threw: " + r.get("exceptionDetails").path("exception")
                    .path("description").asText(r.get("exceptionDetails").toString()));
        }
        return r.path("result").path("value");
    }

    @Override
    public void close() {
        ws.close();
    }
}
