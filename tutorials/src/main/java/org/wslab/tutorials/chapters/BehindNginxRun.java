package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.ChapterSkipped;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Nginx;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;
import org.wslab.lab.common.WireRelay;

/**
 * Chapter 5, "Behind nginx" (RFC 6455 §4.1 and §4.2.1, RFC 9110 §7.6.1 and §7.8 on hop-by-hop
 * {@code Connection} and {@code Upgrade}, STOMP 1.2 "Heart-beating"): a real nginx, started by
 * {@link Nginx} in front of a lab server of its own (Jetty, heart-beats of {@link #BEAT_MILLIS} ms),
 * with a counting {@link WireRelay} between the two so that the chapter shows what nginx forwards.
 * Three locations of one configuration: the right one (the handshake gets its 101), one with
 * nginx's defaults (the Upgrade never reaches the server), and one whose read timeout is shorter
 * than a silent STOMP connection's gaps (nginx cuts it, a heart-beating one lives on). Without
 * nginx the chapter is skipped, saying how to install it.
 */
public final class BehindNginxRun implements ChapterRun {
    /** The heart-beat interval the chapter's server offers and its beating client asks for. */
    static final long BEAT_MILLIS = 250;
    /** {@code proxy_read_timeout} of the {@code /short/} location, as in the template. */
    static final long READ_TIMEOUT_MILLIS = 1_000;
    /** How long both STOMP clients are held behind the short timeout. */
    static final long HOLD_MILLIS = 2_500;

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        Path executable = Nginx.executable().orElseThrow(() -> new ChapterSkipped(
                "nginx is not installed; on Debian or Ubuntu: sudo apt-get install nginx"));
        String version = Nginx.version(executable);
        StompServerConfig beats = StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(BEAT_MILLIS, BEAT_MILLIS));
        LabServerConfig config = LabServerConfig.defaults().withAddress("127.0.0.1", 0).withStomp(beats);
        try (LabServer server = LabServers.start(Engine.JETTY, config, EndpointRegistry.defaults());
             WireRelay upstream = WireRelay.capturing(server.port());
             Nginx nginx = Nginx.start(executable, snippets.root().resolve("ch05-nginx"), upstream.port())) {
            snippets.write("ch05/wslab-proxy.conf", nginx.config());
            snippets.write("ch05/setup.txt", "# " + version + " on 127.0.0.1:" + nginx.port() + " -> relay on port "
                    + upstream.port() + " -> the lab's Jetty on port " + server.port() + "\n");
            String base = "ws://127.0.0.1:" + nginx.port();
            throughTheProxy(base, upstream, snippets);
            upgradeDropped(base, upstream, snippets);
            shortReadTimeout(base, nginx, snippets);
        }
    }

    private static void throughTheProxy(String base, WireRelay upstream, Snippets snippets) throws IOException {
        int before = upstream.captured().size();
        // tag::through[]
        CliRun through = CliRun.of("handshake", base + "/websocket/echo")
                .expectExit(0)
                .expectOutput("HTTP/1.1 101 Switching Protocols"); // <1>
        // end::through[]
        snippets.write("ch05/through.txt", through.transcript("handshake " + base + "/websocket/echo"));
        String forwarded = requestHead(upstream, before);
        if (!forwarded.contains("Upgrade: websocket") || !forwarded.contains("Connection: upgrade")) {
            throw new ChapterFailure("nginx did not forward the upgrade: " + forwarded);
        }
        snippets.write("ch05/through-upstream.txt", forwarded);
    }

    private static void upgradeDropped(String base, WireRelay upstream, Snippets snippets) throws IOException {
        int before = upstream.captured().size();
        // tag::plain[]
        CliRun plain = CliRun.of("handshake", base + "/plain/echo")
                .expectExit(1) // <1>
                .expectOutput("HTTP/1.1 4"); // an answer came, but not 101
        // end::plain[]
        if (plain.out().contains("HTTP/1.1 101")) {
            throw new ChapterFailure("the handshake succeeded without forwarded Upgrade headers: " + plain.out());
        }
        snippets.write("ch05/plain.txt", plain.transcript("handshake " + base + "/plain/echo"));
        String forwarded = requestHead(upstream, before);
        if (forwarded.contains("Upgrade:") || !forwarded.startsWith("GET /websocket/echo HTTP/1.0")) {
            throw new ChapterFailure("nginx's defaults were expected to drop the upgrade: " + forwarded);
        }
        snippets.write("ch05/plain-upstream.txt", forwarded);
    }

    private static void shortReadTimeout(String base, Nginx nginx, Snippets snippets) throws Exception {
        URI url = URI.create(base + "/short/app");
        StringBuilder log = new StringBuilder();
        AtomicLong quietEnded = new AtomicLong();
        // tag::short[]
        long start = System.nanoTime();
        try (StompPeer quiet = StompPeer.connect("quiet", url, StompOverWebSocketRun.QUIET, log); // <1>
             StompPeer beating = StompPeer.connect("beating", url,
                     StompOverWebSocketRun.QUIET.withHeartBeat(new HeartBeat(BEAT_MILLIS, BEAT_MILLIS)), log)) { // <2>
            quiet.client().closed().whenComplete((f, e) -> quietEnded.set(System.nanoTime()));
            Thread.sleep(HOLD_MILLIS);
            beating.subscribe("0", "/topic/still-there", AckMode.AUTO); // <3>
            beating.client().send("/topic/still-there", "after " + HOLD_MILLIS + " ms", null, true);
            List<String> got = beating.awaitMessages(1).stream().map(StompFrame::bodyText).toList();
            // end::short[]
            long endedAfter = quietEnded.get() == 0 ? -1 : (quietEnded.get() - start) / 1_000_000;
            if (endedAfter < READ_TIMEOUT_MILLIS / 2 || endedAfter > HOLD_MILLIS) {
                throw new ChapterFailure("the quiet connection was expected to be cut after about " + READ_TIMEOUT_MILLIS
                        + " ms of silence; it " + (endedAfter < 0 ? "was still open" : "ended after " + endedAfter + " ms"));
            }
            String ending = quiet.ending();
            int beatsIn = beating.beatsReceived();
            int beatsOut = beating.beatsSent();
            beating.disconnect();
            String cut = nginx.errorLog().lines().filter(l -> l.contains("timed out")).findFirst()
                    .map(l -> l.replaceFirst("^\\S+ \\S+ ", "")).orElse("(nginx logged no timeout)");
            snippets.write("ch05/short.txt", log
                    + "# quiet:   no heart-beats; the connection ended after " + endedAfter + " ms: " + ending + "\n"
                    + "# beating: " + beatsOut + " heart-beats sent, " + beatsIn + " received in " + HOLD_MILLIS
                    + " ms; still open, it received " + got + "\n");
            snippets.write("ch05/short-error-log.txt", cut + "\n");
        }
    }

    /** The request head of the first connection the relay accepted after {@code before}, as nginx sent it. */
    private static String requestHead(WireRelay upstream, int before) {
        List<WireRelay.Capture> captures = upstream.captured();
        if (captures.size() <= before) {
            throw new ChapterFailure("nginx opened no connection to the lab");
        }
        String sent = new String(captures.get(before).sent(), StandardCharsets.ISO_8859_1);
        int end = sent.indexOf("\r\n\r\n");
        return (end < 0 ? sent : sent.substring(0, end)).replace("\r\n", "\n") + "\n";
    }
}
