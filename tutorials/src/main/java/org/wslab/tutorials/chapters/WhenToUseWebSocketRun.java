package org.wslab.tutorials.chapters;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.server.jetty.JettyLabServer;
import org.wslab.lab.server.jetty.updates.PublishResult;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;
import org.wslab.lab.common.WireRelay;

/**
 * Chapter 3, "When to use WebSocket" (RFC 6202 §2–§3, WHATWG HTML "Server-sent events", RFC 6455):
 * the lab's Jetty server publishes {@link #UPDATES} updates, one every {@link #EVERY_MILLIS} ms, to
 * four clients waiting at once — a poller ({@code /updates/poll} every {@link #POLL_MILLIS} ms), a
 * long poller, an event stream and a WebSocket — each behind its own counting {@link WireRelay}, and
 * measures for each the latency from publication to arrival, the octets and the requests per update.
 */
public final class WhenToUseWebSocketRun implements ChapterRun {
    static final int UPDATES = 10;
    static final long EVERY_MILLIS = 200;
    static final long POLL_MILLIS = 100;

    /** One client: what it saw, by sequence number, and when (System.nanoTime()). */
    private static final class Watch {
        final String name;
        final WireRelay relay;
        final Map<Long, Long> seen = new ConcurrentHashMap<>();
        volatile boolean running = true;
        volatile String failure;

        Watch(String name, WireRelay relay) {
            this.name = name;
            this.relay = relay;
        }

        void saw(String line) {
            int sp = line.indexOf(' ');
            if (sp > 0) {
                seen.putIfAbsent(Long.parseLong(line.substring(0, sp)), System.nanoTime());
            }
        }

        long last() {
            return seen.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        int requests() {
            return HttpMessages.of(relay.captured().get(0).sent()).size();
        }
    }

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        JettyLabServer jetty = (JettyLabServer) lab.jetty();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Watch> watches = new ArrayList<>();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Watch poll = watch("polling (every " + POLL_MILLIS + " ms)", jetty, watches, open);
            Watch longPoll = watch("long polling", jetty, watches, open);
            Watch sse = watch("server-sent events", jetty, watches, open);
            Watch ws = watch("WebSocket", jetty, watches, open);
            long after = jetty.updates().lastSeq();
            poll.seen.put(after, 0L);
            longPoll.seen.put(after, 0L);
            // tag::clients[]
            daemon(() -> loop(poll, http, "/updates/poll", POLL_MILLIS)); // <1>
            daemon(() -> loop(longPoll, http, "/updates/long-poll", 0)); // <2>
            InputStream stream = http.send(HttpRequest.newBuilder(base(sse, "/updates/events")).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body(); // <3>
            daemon(() -> events(sse, stream));
            BlockingWebSocket socket = BlockingWebSocket.connect(((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                    "ws://127.0.0.1:" + ws.relay.port() + "/websocket/updates")).uri(),
                    ClientOptions.defaults(), EngineSettings.defaults()); // <4>
            // end::clients[]
            open.add(socket);
            open.add(stream);
            daemon(() -> frames(ws, socket));
            for (int i = 0; i < 2_000 && jetty.updates().subscribers() < 3; i++) {
                Thread.sleep(2); // bounded: until the long poll, the stream and the socket wait at the server
            }
            Thread.sleep(POLL_MILLIS);
            List<WireRelay.Count> before = watches.stream().map(w -> w.relay.count()).toList();
            List<Integer> requestsBefore = watches.stream().map(Watch::requests).toList();
            long[] published = new long[UPDATES];
            for (int i = 0; i < UPDATES; i++) {
                // tag::publish[]
                published[i] = System.nanoTime();
                PublishResult r = jetty.updates().publish("price " + (100 + i)); // to all four at once
                // end::publish[]
                if (!(r instanceof PublishResult.Published)) {
                    throw new ChapterFailure("update " + i + " was not published: " + r);
                }
                Thread.sleep(EVERY_MILLIS);
            }
            for (int i = 0; i < 300 && watches.stream().anyMatch(w -> w.last() < after + UPDATES); i++) {
                Thread.sleep(10);
            }
            watches.forEach(w -> w.running = false);
            StringBuilder table = new StringBuilder("[cols=\"3,>1,>1,>1,>1\",options=\"header\"]\n|===\n"
                    + "|" + UPDATES + " updates, one every " + EVERY_MILLIS + " ms |latency median, ms |latency max, ms"
                    + " |octets per update |requests per update\n");
            for (int k = 0; k < watches.size(); k++) {
                Watch w = watches.get(k);
                if (w.failure != null || w.last() < after + UPDATES) {
                    throw new ChapterFailure(w.name + " saw " + (w.last() - after) + " of " + UPDATES + " updates"
                            + (w.failure == null ? "" : ": " + w.failure));
                }
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < UPDATES; i++) {
                    ms.add((w.seen.get(after + 1 + i) - published[i]) / 1e6);
                }
                ms.sort(null);
                long octets = w.relay.count().minus(before.get(k)).total();
                int requests = w.requests() - requestsBefore.get(k);
                table.append(String.format(java.util.Locale.ROOT, "|%s |%.1f |%.1f |%d |%.1f%n", w.name,
                        (ms.get(UPDATES / 2 - 1) + ms.get(UPDATES / 2)) / 2, ms.get(UPDATES - 1),
                        Math.round(octets / (double) UPDATES), requests / (double) UPDATES));
            }
            snippets.write("ch03/transports-table.adoc", table.append("|===\n").toString());
            String streamed = new String(sse.relay.captured().get(0).received(), StandardCharsets.ISO_8859_1);
            snippets.write("ch03/sse-wire.txt", streamed.substring(0, Math.min(streamed.length(), 600)).replace("\r", ""));
        } finally {
            watches.forEach(w -> w.running = false);
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing anyway
                }
            }
        }
    }

    private static Watch watch(String name, JettyLabServer jetty, List<Watch> watches, List<AutoCloseable> open)
            throws java.io.IOException {
        WireRelay relay = WireRelay.capturing(jetty.port());
        open.add(relay);
        Watch w = new Watch(name, relay);
        watches.add(w);
        return w;
    }

    private static URI base(Watch w, String path) {
        return URI.create("http://127.0.0.1:" + w.relay.port() + path);
    }

    /** Asks {@code path?after=last} again and again, pausing {@code pauseMillis} between answers. */
    private static void loop(Watch w, HttpClient http, String path, long pauseMillis) {
        try {
            while (w.running) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(base(w, path + "?after=" + w.last())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    r.body().lines().forEach(w::saw);
                } else if (r.statusCode() != 204) {
                    w.failure = path + " answered " + r.statusCode();
                    return;
                }
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (Exception e) {
            if (w.running) {
                w.failure = e.toString();
            }
        }
    }

    private static void events(Watch w, InputStream stream) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String id = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ") && id != null) {
                    w.saw(id + " " + line.substring(6));
                }
            }
        } catch (Exception e) {
            if (w.running) {
                w.failure = e.toString();
            }
        }
    }

    private static void frames(Watch w, BlockingWebSocket socket) {
        try {
            for (Event e; (e = socket.next()) != null; ) {
                if (e instanceof Event.TextMessage m) {
                    w.saw(new String(m.utf8(), StandardCharsets.UTF_8));
                }
            }
        } catch (Exception e) {
            if (w.running) {
                w.failure = e.toString();
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "tour-ch03");
        t.setDaemon(true);
        t.start();
    }
}
