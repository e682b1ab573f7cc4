package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Role;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.trace.FrameTrace;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.server.jetty.JettyLabServer;
import org.wslab.lab.server.jetty.notes.JettyNotesEndpoint;
import org.wslab.lab.server.jetty.notes.JettyNotesHandler;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;
import org.wslab.lab.common.WireRelay;

/**
 * Chapter 2, "REST and WebSocket" (RFC 9110, RFC 9112; RFC 6455 §1.2, §5.2): one small feature —
 * a notes board where one client posts and another reads — built both ways on the lab's Jetty
 * server, {@code POST /api/notes} + {@code GET /api/notes?since=N} and {@code /websocket/notes},
 * each client behind its own counting {@link WireRelay}, so the octets of every message, each
 * direction, and the HTTP exchanges and frames it took are measured, not estimated.
 */
public final class RestAndWebSocketRun implements ChapterRun {
    /** Notes sent each way. */
    static final int NOTES = 20;

    /** What one way cost for {@link #NOTES} notes, and once per connection. */
    record Cost(WireRelay.Count perNotes, WireRelay.Count opening, int exchanges, int frames) {}

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        JettyLabServer jetty = (JettyLabServer) lab.jetty();
        Cost rest = rest(jetty, snippets);
        Cost ws = webSocket(jetty, snippets);
        long restPer = per(rest.perNotes().total());
        long wsPer = per(ws.perNotes().total());
        if (wsPer >= restPer) {
            throw new ChapterFailure("WebSocket took " + wsPer + " octets per note, REST " + restPer + ": not fewer");
        }
        snippets.write("ch02/cost-table.adoc", table(rest, ws));
        long breakEven = -Math.floorDiv(-ws.opening().total(), restPer - wsPer);
        snippets.write("ch02/break-even.adoc", "With these figures the two opening handshakes ("
                + ws.opening().total() + " octets) have paid for themselves after *" + breakEven
                + " notes*: every note after that is " + (restPer - wsPer) + " octets cheaper over WebSocket.\n");
        refusals(jetty, snippets);
    }

    private static Cost rest(JettyLabServer jetty, Snippets snippets) throws Exception {
        try (WireRelay writerWire = WireRelay.capturing(jetty.port()); WireRelay readerWire = WireRelay.capturing(jetty.port())) {
            HttpClient writer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpClient reader = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI notes = URI.create("http://127.0.0.1:" + writerWire.port() + JettyNotesHandler.PATH);
            URI readerBase = URI.create("http://127.0.0.1:" + readerWire.port() + JettyNotesHandler.PATH);
            for (int i = 1; i <= NOTES; i++) {
                // tag::rest[]
                HttpResponse<String> created = writer.send(HttpRequest.newBuilder(notes) // <1>
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"note " + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                long id = Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+),.*$", "$1"));
                HttpResponse<String> listed = reader.send(HttpRequest.newBuilder( // <2>
                        URI.create(readerBase + "?since=" + (id - 1))).GET().build(), HttpResponse.BodyHandlers.ofString());
                // end::rest[]
                if (created.statusCode() != 201 || listed.statusCode() != 200 || !listed.body().contains("\"note " + i + "\"")) {
                    throw new ChapterFailure("note " + i + " over REST: POST " + created.statusCode() + ", GET "
                            + listed.statusCode() + " " + listed.body());
                }
            }
            WireRelay.Count all = writerWire.count().plus(readerWire.count());
            WireRelay.Capture w = writerWire.captured().get(0);
            WireRelay.Capture r = readerWire.captured().get(0);
            int exchanges = HttpMessages.of(w.sent()).size() + HttpMessages.of(r.sent()).size();
            int answers = HttpMessages.of(w.received()).size() + HttpMessages.of(r.received()).size();
            if (exchanges != 2 * NOTES || answers != 2 * NOTES) {
                throw new ChapterFailure("the relays saw " + exchanges + " requests and " + answers + " answers for "
                        + NOTES + " notes, not " + 2 * NOTES);
            }
            HttpMessages.Message post = HttpMessages.first(w.sent(), "from the writer");
            HttpMessages.Message created = HttpMessages.first(w.received(), "to the writer");
            HttpMessages.Message get = HttpMessages.first(r.sent(), "from the reader");
            HttpMessages.Message listed = HttpMessages.first(r.received(), "to the reader");
            snippets.write("ch02/rest-exchange.txt", "# writer → server (" + post.octets() + " octets)\n" + post.shown()
                    + "\n\n# server → writer (" + created.octets() + " octets)\n" + created.shown()
                    + "\n\n# reader → server (" + get.octets() + " octets)\n" + get.shown()
                    + "# server → reader (" + listed.octets() + " octets)\n" + listed.shown() + "\n");
            return new Cost(all, new WireRelay.Count(0, 0), exchanges, 0);
        }
    }

    private static Cost webSocket(JettyLabServer jetty, Snippets snippets) throws Exception {
        try (WireRelay writerWire = WireRelay.capturing(jetty.port()); WireRelay readerWire = WireRelay.capturing(jetty.port());
                BlockingWebSocket writer = open(writerWire); BlockingWebSocket reader = open(readerWire)) {
            for (int i = 0; i < 2_000 && jetty.notes().subscribers() < 2; i++) {
                Thread.sleep(2); // bounded: until both sessions are subscribed at the server
            }
            WireRelay.Count opening = writerWire.count().plus(readerWire.count());
            for (int i = 1; i <= NOTES; i++) {
                // tag::websocket[]
                writer.sendText("{\"text\":\"note " + i + "\"}"); // <1>
                String pushed = text(reader); // <2>
                String confirmed = text(writer); // <3>
                // end::websocket[]
                if (!pushed.contains("\"note " + i + "\"") || !pushed.equals(confirmed)) {
                    throw new ChapterFailure("note " + i + " over WebSocket: pushed " + pushed + ", confirmed " + confirmed);
                }
            }
            WireRelay.Count all = writerWire.count().plus(readerWire.count()).minus(opening);
            WireRelay.Capture w = writerWire.captured().get(0);
            WireRelay.Capture r = readerWire.captured().get(0);
            List<Frame> up = WireFrames.of(w.sent(), Role.SERVER);
            List<Frame> down = WireFrames.of(w.received(), Role.CLIENT);
            List<Frame> pushed = WireFrames.of(r.received(), Role.CLIENT);
            int frames = up.size() + down.size() + pushed.size() + WireFrames.of(r.sent(), Role.SERVER).size();
            if (frames != 3 * NOTES || up.isEmpty() || !up.get(0).masked() || down.get(0).masked()) {
                throw new ChapterFailure("the relays saw " + frames + " frames for " + NOTES + " notes, not " + 3 * NOTES
                        + ", or the masks are not where RFC 6455 §5.1 puts them");
            }
            snippets.write("ch02/ws-frames.txt", "# writer → server: the opening handshake, once\n" + WireFrames.head(w.sent())
                    + "# server → writer\n" + WireFrames.head(w.received())
                    + "# writer → server: note 1 (" + wire(up.get(0)) + " octets)\n" + FrameTrace.render(up.get(0), 40)
                    + "\n# server → writer: note 1 confirmed (" + wire(down.get(0)) + " octets)\n"
                    + FrameTrace.render(down.get(0), 40)
                    + "\n# server → reader: note 1 pushed (" + wire(pushed.get(0)) + " octets)\n"
                    + FrameTrace.render(pushed.get(0), 40));
            mixed(jetty, reader, snippets);
            return new Cost(all, opening, 0, frames);
        }
    }

    /** A note posted over REST reaches the WebSocket reader too: one board, pushed whichever way it came. */
    private static void mixed(JettyLabServer jetty, BlockingWebSocket reader, Snippets snippets) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                jetty.baseUri().resolve(JettyNotesHandler.PATH)).POST(HttpRequest.BodyPublishers.ofString(
                "{\"text\":\"posted over REST\"}")).build(), HttpResponse.BodyHandlers.ofString());
        String pushed = text(reader);
        if (created.statusCode() != 201 || !pushed.equals(created.body())) {
            throw new ChapterFailure("a note posted over REST (" + created.statusCode() + " " + created.body()
                    + ") reached the WebSocket reader as " + pushed);
        }
        snippets.write("ch02/mixed.txt", "POST " + JettyNotesHandler.PATH + " {\"text\":\"posted over REST\"}  → "
                + created.statusCode() + " " + created.body() + "\nWebSocket reader, without asking            → "
                + pushed + "\n");
    }

    private static void refusals(JettyLabServer jetty, Snippets snippets) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI notes = jetty.baseUri().resolve(JettyNotesHandler.PATH);
        StringBuilder out = new StringBuilder();
        String big = "{\"text\":\"" + "x".repeat(2_000) + "\"}";
        refuse(out, http, HttpRequest.newBuilder(notes).POST(HttpRequest.BodyPublishers.ofString(big)),
                "POST a " + big.length() + "-byte body", 413);
        refuse(out, http, HttpRequest.newBuilder(notes).POST(HttpRequest.BodyPublishers.ofString(
                "{\"text\":\"" + "x".repeat(300) + "\"}")), "POST a 300-byte text", 413);
        refuse(out, http, HttpRequest.newBuilder(notes).POST(HttpRequest.BodyPublishers.ofString("note 1")),
                "POST note 1", 400);
        refuse(out, http, HttpRequest.newBuilder(URI.create(notes + "?since=yesterday")), "GET ?since=yesterday", 400);
        refuse(out, http, HttpRequest.newBuilder(notes).DELETE(), "DELETE", 405);
        snippets.write("ch02/refusals.txt", out.toString());
    }

    private static void refuse(StringBuilder out, HttpClient http, HttpRequest.Builder request, String shown, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status || !r.body().startsWith("{\"error\":")) {
            throw new ChapterFailure(shown + " was answered " + r.statusCode() + " " + r.body() + ", not " + status);
        }
        out.append(String.format("%-24s → %d %s%s%n", shown, r.statusCode(), r.body(),
                r.headers().firstValue("allow").map(a -> "  (Allow: " + a + ")").orElse("")));
    }

    private static BlockingWebSocket open(WireRelay relay) throws IOException {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                "ws://127.0.0.1:" + relay.port() + JettyNotesEndpoint.PATH)).uri();
        BlockingWebSocket ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(), EngineSettings.defaults());
        if (ws.awaitOpen() == null) {
            ws.close();
            throw new ChapterFailure("the notes WebSocket did not open: " + ws.lastEvent());
        }
        return ws;
    }

    private static String text(BlockingWebSocket ws) throws IOException {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.TextMessage m) {
                return new String(m.utf8(), StandardCharsets.UTF_8);
            }
            if (e instanceof Event.Closed c) {
                throw new ChapterFailure("the notes WebSocket closed with " + c.code() + " " + c.reason());
            }
        }
        throw new ChapterFailure("the notes WebSocket ended");
    }

    private static int wire(Frame f) {
        return 2 + (f.length() > 125 ? 2 : 0) + (f.masked() ? 4 : 0) + f.length();
    }

    private static String table(Cost rest, Cost ws) {
        return "[cols=\"4,>1,>1\",options=\"header\"]\n|===\n|per note, averaged over " + NOTES + " notes |REST |WebSocket\n"
                + row("octets client → server", rest.perNotes().up(), ws.perNotes().up())
                + row("octets server → client", rest.perNotes().down(), ws.perNotes().down())
                + row("octets in all", rest.perNotes().total(), ws.perNotes().total())
                + "|HTTP request/response pairs |" + rest.exchanges() / NOTES + " |" + ws.exchanges() / NOTES + "\n"
                + "|WebSocket frames |" + rest.frames() / NOTES + " |" + ws.frames() / NOTES + "\n"
                + "|once: opening handshakes of both clients, octets |" + rest.opening().total() + " |"
                + ws.opening().total() + "\n|===\n";
    }

    private static String row(String what, long rest, long ws) {
        return "|" + what + " |" + per(rest) + " |" + per(ws) + "\n";
    }

    /** Octets per note, rounded. */
    private static long per(long octets) {
        return Math.round(octets / (double) NOTES);
    }
}
