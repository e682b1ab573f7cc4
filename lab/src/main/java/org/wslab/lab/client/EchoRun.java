package org.wslab.lab.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.FrameListener;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.LabFailure;

/**
 * The {@code wslab echo} client on our own engine ({@code framing}'s {@link BlockingWebSocket}):
 * opens a WebSocket (RFC 6455 §4.1), sends messages one at a time, checks that each comes back
 * byte for byte as the same type (§5.6), measures the round trips, and closes with 1000 (§7).
 * A message over the fragment size goes out in fragments (§5.4) — with permessage-deflate
 * (RFC 7692 §6.1) compressed across them, RSV1 on the first only — so a large message never
 * needs one frame bigger than the server's frame limit.
 *
 * <p>Connection problems (refused, no handshake, a timeout) are {@link LabFailure}s carrying their
 * {@link ConnectFailure}; everything the server did once open is in the {@link EchoResult}. The timeout is a
 * watchdog that ends the connection; everything else (connect, reading, linger) is the transport's.
 */
public final class EchoRun {
    /** Offered with {@code --deflate}: never {@code server_max_window_bits}, which Jetty 12.1 mishandles. */
    public static final ExtensionOffer DEFLATE_OFFER =
            ExtensionOffer.of("permessage-deflate", ExtensionParameter.of("client_max_window_bits"));

    /**
     * What to do.
     *
     * @param uri          where
     * @param message      one message: a String (text) or a byte[] (binary); binary messages after
     *                     the first are fresh random bytes of the same size
     * @param count        how many messages, one after the other
     * @param deflate      offer permessage-deflate
     * @param timeout      limit for connecting, the handshake and each echo
     * @param fragmentSize largest frame payload sent before compression (≥ 1)
     * @param trace        sees every frame both ways (the CLI's {@code --trace}); may be {@link FrameListener#NONE}
     * @param seed         seed of the random binary payloads
     * @param progress     sees how far the run is; may be {@link EchoProgress#NONE}
     * @param tls          the TLS for a {@code wss://} URI (RFC 6455 §4.1 (5)); empty for {@code ws://}
     * @param subprotocols the sub-protocols offered (§4.1 (10), {@code Sec-WebSocket-Protocol}), in order
     */
    public record Plan(WebSocketUri uri, Object message, int count, boolean deflate, Duration timeout,
                       int fragmentSize, FrameListener trace, long seed, EchoProgress progress,
                       Optional<ClientTls> tls, List<String> subprotocols) {
        public Plan {
            Objects.requireNonNull(uri, "uri");
            if (!(message instanceof String || message instanceof byte[])) {
                throw new IllegalArgumentException("a message is a String or a byte[]");
            }
            if (count < 1 || fragmentSize < 1) {
                throw new IllegalArgumentException("count and fragment size are at least 1");
            }
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(tls, "tls");
            subprotocols = List.copyOf(subprotocols);
        }

        int messageSize() {
            return message instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : ((byte[]) message).length;
        }
    }

    /** Sees the opening handshake's outcome (the CLI's trace prints the request and response heads). */
    @FunctionalInterface
    public interface HandshakeListener {
        /** Called once: the completion or failure event of the opening handshake. */
        void onHandshake(Event event);

        /** Called before {@link #onHandshake} on a {@code wss://} connection: what TLS agreed (RFC 8446 §4). */
        default void onTls(TlsFacts facts) {
        }
    }

    private EchoRun() {}

    /** Runs {@code plan}; {@code handshake} sees the opening handshake's outcome first. */
    public static EchoResult run(Plan plan, HandshakeListener handshake) throws IOException {
        ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wslab-echo-timeout");
            t.setDaemon(true);
            return t;
        });
        ClientOptions offer = ClientOptions.defaults().withSubprotocols(plan.subprotocols().toArray(String[]::new));
        ClientOptions options = plan.deflate() ? offer.withExtensions(DEFLATE_OFFER) : offer;
        try (BlockingWebSocket ws = BlockingWebSocket.connect(plan.uri(), options, settingsFor(plan),
                TransportSettings.defaults(), BlockingWebSocket.DEFAULT_EVENT_CAPACITY, plan.tls())) {
            return new Exchange(plan, ws, new Watchdog(alarms, ws, plan.timeout())).run(handshake);
        } catch (java.net.UnknownHostException e) {
            throw LabFailure.unknownHost(plan.uri().host(), e);
        } finally {
            alarms.shutdownNow();
        }
    }

    /** The client's limits: the server decides what it accepts; we accept what it may echo. */
    static EngineSettings settingsFor(Plan plan) {
        long message = Math.max(EngineSettings.DEFAULT_MAX_SIZE, plan.messageSize());
        long frame = message + message / 8 + 64 * 1024; // deflate can grow incompressible data a little
        return EngineSettings.defaults().withLimits(frame, message).withListener(plan.trace());
    }

    /** Ends the connection when an operation takes longer than the timeout; the reader then sees the end. */
    private static final class Watchdog {
        private final ScheduledExecutorService alarms;
        private final BlockingWebSocket socket;
        private final Duration timeout;
        private final AtomicBoolean fired = new AtomicBoolean();
        private ScheduledFuture<?> pending;

        Watchdog(ScheduledExecutorService alarms, BlockingWebSocket socket, Duration timeout) {
            this.alarms = alarms;
            this.socket = socket;
            this.timeout = timeout;
        }

        void arm() {
            disarm();
            pending = alarms.schedule(() -> {
                fired.set(true);
                socket.close();
            }, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        }

        void disarm() {
            if (pending != null) {
                pending.cancel(false);
            }
        }

        boolean fired() {
            return fired.get();
        }
    }

    /** One run over an open socket. */
    private static final class Exchange {
        private final Plan plan;
        private final BlockingWebSocket ws;
        private final Watchdog watchdog;
        private final Random random;
        private final List<Long> roundTrips = new ArrayList<>();
        private int sent;
        private int received;
        private long bytesSent;
        private int mismatches;
        private String firstMismatch;
        private Event.Closed closed;

        Exchange(Plan plan, BlockingWebSocket ws, Watchdog watchdog) {
            this.plan = plan;
            this.ws = ws;
            this.watchdog = watchdog;
            this.random = new Random(plan.seed());
        }

        EchoResult run(HandshakeListener handshake) throws IOException {
            watchdog.arm();
            Event.HandshakeCompleted open = ws.awaitOpen();
            watchdog.disarm();
            Optional<TlsFacts> tls = open != null ? ws.tls() : Optional.empty();
            tls.ifPresent(handshake::onTls);
            handshake.onHandshake(open != null ? open : ws.lastEvent());
            if (open == null) {
                throw new LabFailure(openingFailure(ws.lastEvent()), null);
            }
            HandshakeExchange.Client exchange = (HandshakeExchange.Client) open.exchange();
            String extensions = String.join(", ", exchange.response().headers().all("Sec-WebSocket-Extensions"));
            Object message = plan.message();
            for (int i = 0; i < plan.count() && closed == null; i++) {
                if (i > 0 && message instanceof byte[] previous) {
                    message = randomBytes(previous.length);
                }
                exchangeOne(i + 1, message);
            }
            if (closed == null) {
                watchdog.arm();
                ws.close(CloseCode.NORMAL.code(), "");
                awaitClosed();
                watchdog.disarm();
            }
            return new EchoResult(open.subprotocol(), extensions, sent, received, mismatches,
                    Optional.ofNullable(firstMismatch), roundTrips, closed, tls);
        }

        /** Why no WebSocket opened (RFC 6455 §4.1): our watchdog's timeout, or the engine's typed failure. */
        private ConnectFailure openingFailure(Event last) {
            String where = ConnectFailures.where(plan.uri());
            if (watchdog.fired()) {
                return new ConnectFailure.TimedOut("the opening handshake with", where, plan.timeout(), -1);
            }
            if (last instanceof Event.HandshakeFailed failed) {
                return ConnectFailures.opening(failed.failure(), plan.uri(), plan.timeout());
            }
            return new ConnectFailure.ClosedEarly(where, 0);
        }

        private void exchangeOne(int number, Object message) throws IOException {
            watchdog.arm();
            long start = System.nanoTime();
            send(message);
            sent++;
            for (Event e; (e = ws.next()) != null; ) {
                if (e instanceof Event.TextMessage || e instanceof Event.BinaryMessage) {
                    roundTrips.add(System.nanoTime() - start);
                    received++;
                    plan.progress().update(received, bytesSent);
                    compare(number, message, e);
                    watchdog.disarm();
                    return;
                }
                if (e instanceof Event.Closed c) {
                    closed = c;
                }
            }
            watchdog.disarm();
            timedOutCheck("the echo of message " + number);
        }

        private void send(Object message) throws IOException {
            boolean text = message instanceof String;
            byte[] bytes = text ? ((String) message).getBytes(StandardCharsets.UTF_8) : (byte[]) message;
            Opcode type = text ? Opcode.TEXT : Opcode.BINARY;
            int n = plan.fragmentSize();
            if (bytes.length <= n) {
                ws.sendFragment(type, bytes, true);
                bytesSent += bytes.length;
                return;
            }
            for (int from = 0; from < bytes.length; from += n) {
                int to = Math.min(bytes.length, from + n);
                ws.sendFragment(type, Arrays.copyOfRange(bytes, from, to), to == bytes.length);
                bytesSent += to - from;
                plan.progress().update(received, bytesSent);
            }
        }

        private void compare(int number, Object sentMessage, Event echo) {
            Optional<String> difference = EchoComparison.difference(sentMessage, echo);
            if (difference.isPresent()) {
                mismatches++;
                if (firstMismatch == null) {
                    firstMismatch = "message " + number + ": " + difference.get();
                }
            }
        }

        private void awaitClosed() throws IOException {
            for (Event e; (e = ws.next()) != null; ) {
                if (e instanceof Event.Closed c) {
                    closed = c;
                }
            }
            timedOutCheck("the server's close frame");
        }

        private void timedOutCheck(String waitingFor) {
            if (watchdog.fired()) {
                throw new LabFailure("timed out after " + plan.timeout().toMillis() + " ms waiting for " + waitingFor);
            }
            if (closed == null) {
                closed = new Event.Closed(CloseCode.ABNORMAL_CLOSURE.code(), "connection lost", false, Optional.empty());
            }
        }

        private byte[] randomBytes(int size) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            return b;
        }
    }
}
