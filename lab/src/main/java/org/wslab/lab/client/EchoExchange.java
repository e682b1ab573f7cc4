package org.wslab.lab.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.DurationText;

/**
 * One echo run over an open connection (RFC 6455 §5.6): each message sent and its echo awaited
 * and compared, then each ping (§5.5.2) and its pong (§5.5.3), then the closing handshake with
 * 1000 (§7.1.2). A message over the fragment size goes out in fragments (§5.4). A stop request or
 * the peer's close ends it early; an echo or pong not back within the timeout ends it too, named.
 */
final class EchoExchange {
    private final EchoRun.Plan plan;
    private final BlockingWebSocket ws;
    private final EchoWatchdog watchdog;
    private final ScheduledExecutorService alarms;
    private final WireBytes wire;
    private final Random random;
    private final List<Long> roundTrips = new ArrayList<>();
    private final List<Long> pingRoundTrips = new ArrayList<>();
    private int sent;
    private int received;
    private long bytesSent;
    private long bytesReceived;
    private int mismatches;
    private String firstMismatch;
    private int pingsSent;
    private int pongsMatched;
    private String noEcho;
    private boolean sendCutShort;
    private Event.Closed closed;

    EchoExchange(EchoRun.Plan plan, BlockingWebSocket ws, EchoWatchdog watchdog, ScheduledExecutorService alarms,
                 WireBytes wire) {
        this.plan = plan;
        this.ws = ws;
        this.watchdog = watchdog;
        this.alarms = alarms;
        this.wire = wire;
        this.random = new Random(plan.seed());
    }

    EchoResult run(Event.HandshakeCompleted open, long handshakeNanos) throws IOException {
        HandshakeExchange.Client exchange = (HandshakeExchange.Client) open.exchange();
        List<String> offered = exchange.response().headers().all("Sec-WebSocket-Extensions");
        Optional<String> extensions = offered.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", offered));
        Object message = plan.message();
        for (int i = 0; i < plan.count() && going(); i++) {
            if (i > 0 && message instanceof byte[] previous) {
                message = randomBytes(previous.length);
            }
            exchangeOne(i + 1, message);
        }
        for (int i = 0; i < plan.pings() && going(); i++) {
            ping(i + 1);
        }
        if (noEcho != null && received == 0 && !sendCutShort) {
            Optional<String> evidence = StompEvidence.selected(open.subprotocol())
                    .or(() -> StompEvidence.probe(plan, alarms));
            noEcho += evidence.map(e -> ": " + e + StompEvidence.conclusion(plan.uri().toString()))
                    .orElse(" (is " + plan.uri().resourceName() + " an echo endpoint? --trace shows the frames)");
        }
        if (closed == null) {
            watchdog.arm();
            ws.close(CloseCode.NORMAL.code(), "");
            awaitClosed();
            watchdog.disarm();
        }
        Optional<EchoCompression> compression = open.deflate().map(d ->
                new EchoCompression(bytesSent, wire.sent(), bytesReceived, wire.received()));
        return new EchoResult(ConnectFailures.where(plan.uri()), open.subprotocol(), extensions, handshakeNanos,
                sent, received, mismatches, Optional.ofNullable(firstMismatch), new RoundTrips(roundTrips),
                pingsSent, pongsMatched, new RoundTrips(pingRoundTrips), compression, Optional.ofNullable(noEcho),
                plan.stop().requested(), closed, ws.tls());
    }

    private boolean going() {
        return closed == null && noEcho == null && !plan.stop().requested();
    }

    private void exchangeOne(int number, Object message) throws IOException {
        watchdog.arm();
        long start = System.nanoTime();
        sent++;
        if (!send(message)) {
            sendCutShort = true;
            drain();
            ended("message " + number + " of " + plan.count() + " to be sent (" + bytesSent + " bytes went)");
            return;
        }
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.TextMessage || e instanceof Event.BinaryMessage) {
                roundTrips.add(System.nanoTime() - start);
                received++;
                bytesReceived += e instanceof Event.TextMessage t ? t.utf8().length : ((Event.BinaryMessage) e).data().length;
                plan.progress().update(received, bytesSent);
                compare(number, message, e);
                watchdog.disarm();
                return;
            }
            if (e instanceof Event.Closed c) {
                closed = c;
            }
        }
        ended("the echo of message " + number + " of " + plan.count());
    }

    private void ping(int number) throws IOException {
        byte[] payload = ("wslab ping " + number).getBytes(StandardCharsets.US_ASCII);
        watchdog.arm();
        long start = System.nanoTime();
        pingsSent++;
        if (!ws.sendPing(payload)) {
            drain();
            ended("the pong of ping " + number + " of " + plan.pings());
            return;
        }
        for (Event e; (e = ws.next()) != null; ) {
            // an unsolicited pong, or one with other data, is not the answer (§5.5.3): keep waiting
            if (e instanceof Event.PongReceived p && Arrays.equals(p.data(), payload)) {
                pingRoundTrips.add(System.nanoTime() - start);
                pongsMatched++;
                watchdog.disarm();
                return;
            }
            if (e instanceof Event.Closed c) {
                closed = c;
            }
        }
        ended("the pong of ping " + number + " of " + plan.pings());
    }

    /** The connection ended while waiting for {@code what}: our timeout, or the peer. */
    private void ended(String what) {
        watchdog.disarm();
        if (watchdog.fired() && noEcho == null) {
            noEcho = "no " + (what.startsWith("the pong") ? "pong" : "echo") + " came back within "
                    + DurationText.format(plan.timeout()) + " (waiting for " + what + ")";
        }
        lost();
    }

    /** A send found the connection no longer open: read what ended it (the peer's close, usually). */
    private void drain() throws IOException {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.Closed c) {
                closed = c;
            }
        }
        watchdog.disarm();
        lost();
    }

    private void lost() {
        if (closed == null) {
            closed = new Event.Closed(CloseCode.ABNORMAL_CLOSURE.code(), "", false, Optional.empty());
        }
    }

    /** Sends {@code message}, in fragments over the fragment size; false once the connection is not open. */
    private boolean send(Object message) throws IOException {
        boolean text = message instanceof String;
        byte[] bytes = text ? ((String) message).getBytes(StandardCharsets.UTF_8) : (byte[]) message;
        Opcode type = text ? Opcode.TEXT : Opcode.BINARY;
        int n = plan.fragmentSize();
        if (bytes.length <= n) {
            bytesSent += bytes.length;
            return ws.sendFragment(type, bytes, true);
        }
        for (int from = 0; from < bytes.length; from += n) {
            int to = Math.min(bytes.length, from + n);
            if (!ws.sendFragment(type, Arrays.copyOfRange(bytes, from, to), to == bytes.length)) {
                return false;
            }
            bytesSent += to - from;
            watchdog.arm(); // a fragment went: the timeout counts from the last progress
            plan.progress().update(received, bytesSent);
        }
        return true;
    }

    private void compare(int number, Object sentMessage, Event echo) {
        Optional<String> difference = EchoComparison.difference(sentMessage, echo);
        if (difference.isPresent()) {
            mismatches++;
            if (firstMismatch == null) {
                firstMismatch = "message " + number + ": " + difference.get() + StompEvidence.errorFrame(echo)
                        .map(e -> "; " + e + StompEvidence.conclusion(plan.uri().toString())).orElse("");
            }
        }
    }

    private void awaitClosed() throws IOException {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.Closed c) {
                closed = c;
            }
        }
        lost();
    }

    private byte[] randomBytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }
}
