package org.wslab.lab.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * byte for byte as the same type (§5.6), sends pings and checks their pongs (§5.5.2–§5.5.3),
 * measures the round trips, and closes with 1000 (§7). A message over the fragment size goes out
 * in fragments (§5.4) — with permessage-deflate (RFC 7692 §6.1) compressed across them, RSV1 on the
 * first only — so a large message never needs one frame bigger than the server's frame limit.
 *
 * <p>A connection that never opened is a {@link LabFailure} carrying its {@link ConnectFailure};
 * everything after the opening handshake (a close code, a peer's violation, an echo that did not
 * come back) is in the {@link EchoResult}. The timeout is a watchdog ({@link EchoWatchdog}).
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
     * @param count        how many messages, one after the other (0 with pings only)
     * @param pings        how many pings after the messages
     * @param deflate      offer permessage-deflate
     * @param timeout      limit for connecting, the handshake and each echo or pong
     * @param fragmentSize largest frame payload sent before compression (≥ 1)
     * @param trace        sees every frame both ways (the CLI's {@code --trace}); may be {@link FrameListener#NONE}
     * @param seed         seed of the random binary payloads
     * @param progress     sees how far the run is; may be {@link EchoProgress#NONE}
     * @param tls          the TLS for a {@code wss://} URI (RFC 6455 §4.1 (5)); empty for {@code ws://}
     * @param subprotocols the sub-protocols offered (§4.1 (10), {@code Sec-WebSocket-Protocol}), in order
     * @param stop         a request to end early (a signal)
     */
    public record Plan(WebSocketUri uri, Object message, int count, int pings, boolean deflate, Duration timeout,
                       int fragmentSize, FrameListener trace, long seed, EchoProgress progress,
                       Optional<ClientTls> tls, List<String> subprotocols, EchoStop stop) {
        public Plan {
            Objects.requireNonNull(uri, "uri");
            if (!(message instanceof String || message instanceof byte[])) {
                throw new IllegalArgumentException("a message is a String or a byte[]");
            }
            if (count < 0 || pings < 0 || count + pings < 1 || fragmentSize < 1) {
                throw new IllegalArgumentException("at least one message or ping, and a fragment size of at least 1");
            }
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(progress, "progress");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(stop, "stop");
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

        /** Called once the connection ended after opening: how (a peer's violation carries its rule, §7.1.7). */
        default void onEnd(Event.Closed closed) {
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
        WireBytes wire = new WireBytes(plan.trace());
        long start = System.nanoTime();
        try (BlockingWebSocket ws = BlockingWebSocket.connect(plan.uri(), options, settingsFor(plan, wire),
                TransportSettings.defaults(), BlockingWebSocket.DEFAULT_EVENT_CAPACITY, plan.tls())) {
            EchoWatchdog watchdog = new EchoWatchdog(alarms, ws, plan.timeout());
            watchdog.arm();
            Event.HandshakeCompleted open = ws.awaitOpen();
            watchdog.disarm();
            long handshakeNanos = System.nanoTime() - start;
            Optional<TlsFacts> tls = open != null ? ws.tls() : Optional.empty();
            tls.ifPresent(handshake::onTls);
            handshake.onHandshake(open != null ? open : ws.lastEvent());
            if (open == null) {
                throw new LabFailure(openingFailure(plan, watchdog, ws.lastEvent()), null);
            }
            EchoResult result = new EchoExchange(plan, ws, watchdog, alarms, wire).run(open, handshakeNanos);
            handshake.onEnd(result.closed());
            return result;
        } catch (java.net.UnknownHostException e) {
            throw LabFailure.unknownHost(plan.uri().host(), e);
        } finally {
            alarms.shutdownNow();
        }
    }

    /** The client's limits: the server decides what it accepts; we accept what it may echo. */
    static EngineSettings settingsFor(Plan plan, FrameListener listener) {
        long message = Math.max(EngineSettings.DEFAULT_MAX_SIZE, plan.messageSize());
        long frame = message + message / 8 + 64 * 1024; // deflate can grow incompressible data a little
        return EngineSettings.defaults().withLimits(frame, message).withListener(listener);
    }

    /** Why no WebSocket opened (RFC 6455 §4.1): our watchdog's timeout, or the engine's typed failure. */
    private static ConnectFailure openingFailure(Plan plan, EchoWatchdog watchdog, Event last) {
        String where = ConnectFailures.where(plan.uri());
        if (watchdog.fired()) {
            return new ConnectFailure.TimedOut("the opening handshake with", where, plan.timeout(), -1);
        }
        if (last instanceof Event.HandshakeFailed failed) {
            return ConnectFailures.opening(failed.failure(), plan.uri(), plan.timeout());
        }
        return new ConnectFailure.ClosedEarly(where, 0);
    }
}
