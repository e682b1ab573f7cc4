package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.stomp.RelayProbe;
import org.wslab.lab.stomp.StompBackend;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.MailboxLimits;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.tutorials.live.ArtemisBroker;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * The parts of chapter 6 that need servers of their own, started on port 0 and closed after:
 * heart-beats (STOMP 1.2 "Heart-beating") and a slow consumer cut off (the lab's bounded mailbox,
 * wslab policy) on a lab server with short heart-beats and small mailboxes, and a relay (two lab
 * servers whose STOMP endpoints forward to an embedded ActiveMQ Artemis over STOMP's TCP transport).
 */
final class StompOwnServers {
    /** How long the heart-beat part listens to an idle connection. */
    static final long LISTEN_MILLIS = 1_300;

    private StompOwnServers() {
    }

    static void run(Snippets snippets) throws Exception {
        // tag::tight[]
        StompServerConfig tight = StompServerConfig.DEFAULT
                .withHeartBeat(new HeartBeat(250, 250)) // <1>
                .withMailbox(MailboxLimits.DEFAULT.withBytes(256 << 10, 128 << 10, 2 << 20) // <2>
                        .withSlowConsumerNanos(500_000_000L));
        LabServerConfig config = LabServerConfig.defaults().withAddress("127.0.0.1", 0).withStomp(tight);
        // end::tight[]
        try (LabServer server = LabServers.start(Engine.JETTY, config, EndpointRegistry.defaults())) {
            URI url = TourLab.stomp(server);
            heartBeats(url, snippets);
            slowConsumer(url, snippets);
        }
        relay(snippets);
    }

    private static void heartBeats(URI url, Snippets snippets) throws Exception {
        StringBuilder log = new StringBuilder();
        // tag::heart-beat[]
        try (StompPeer idle = StompPeer.connect("idle", url,
                StompOverWebSocketRun.QUIET.withHeartBeat(new HeartBeat(250, 250)), log)) { // <1>
            long[] agreed = idle.client().heartBeatMillis();
            Thread.sleep(LISTEN_MILLIS); // <2>
            idle.disconnect();
            int sent = idle.beatsSent();
            int received = idle.beatsReceived();
            // end::heart-beat[]
            if (agreed[0] != 250 || agreed[1] != 250 || sent < 2 || received < 2) {
                throw new ChapterFailure("heart-beats 250,250 each way did not flow: agreed " + agreed[0] + "," + agreed[1]
                        + ", " + sent + " sent and " + received + " received in " + LISTEN_MILLIS + " ms");
            }
            snippets.write("ch06/heart-beats.txt", log + "# " + LISTEN_MILLIS + " ms of silence, then DISCONNECT: agreed "
                    + agreed[0] + " ms each way; the client sent " + sent + " heart-beats, the server " + received + "\n");
        }
    }

    private static void slowConsumer(URI url, Snippets snippets) throws IOException {
        // tag::stall[]
        CliRun drive = CliRun.of("drive", "stomp", url.toString(), "--subscribers", "2", "--messages", "3000",
                        "--size", "4096", "--stall", "--stall-for", "300ms", "--timeout", "60s") // <1>
                .expectExit(0)
                .expectOutput("lost 0")
                .expectOutput("slow consumer");
        // end::stall[]
        snippets.write("ch06/slow-consumer.txt", drive.transcript("drive stomp " + url + " --subscribers 2 --messages 3000"
                + " --size 4096 --stall --stall-for 300ms --timeout 60s"));
    }

    private static void relay(Snippets snippets) throws Exception {
        StringBuilder log = new StringBuilder();
        // tag::relay[]
        try (ArtemisBroker artemis = ArtemisBroker.start()) {
            StompBackend.Relay relay = StompBackend.Relay.parse(artemis.address()); // as serve --relay HOST:PORT
            RelayProbe.problem(relay, 5_000).ifPresent(p -> {
                throw new ChapterFailure(p);
            });
            LabServerConfig config = LabServerConfig.defaults().withAddress("127.0.0.1", 0).withStompBackend(relay);
            try (LabServer a = LabServers.start(Engine.JETTY, config, EndpointRegistry.defaults()); // <1>
                 LabServer b = LabServers.start(Engine.WSLAB, config, EndpointRegistry.defaults());
                 StompPeer reader = StompPeer.connect("reader@A", TourLab.stomp(a), StompOverWebSocketRun.QUIET, log)) {
                int from = StompPeer.mark(log);
                reader.subscribe("0", "/topic/relay.chat", AckMode.AUTO);
                CliRun send = CliRun.of("stomp", TourLab.stomp(b).toString(), "send", "/topic/relay.chat",
                        "from B, through Artemis", "--receipt").expectExit(0); // <2>
                List<StompFrame> got = reader.awaitMessages(1);
                // end::relay[]
                if (!got.get(0).bodyText().equals("from B, through Artemis")) {
                    throw new ChapterFailure("the relayed message came back as " + StompOverWebSocketRun.quoted(got));
                }
                String wire = StompPeer.cut(log, from, StompPeer.mark(log));
                if (!wire.contains("<<< destination-type:MULTICAST^J") || !wire.contains("<<< receipt:")) {
                    throw new ChapterFailure("the relayed MESSAGE lacks the headers Artemis adds or keeps: " + wire);
                }
                reader.disconnect();
                snippets.write("ch06/relay.txt", "# server A (Jetty, port " + a.port() + ") and server B (our engine, port "
                        + b.port() + "): stomp: " + relay.describe() + "\n\n"
                        + send.transcript("stomp " + TourLab.stomp(b) + " send /topic/relay.chat 'from B, through Artemis'"
                        + " --receipt") + "\n" + wire);
            }
        }
    }
}
