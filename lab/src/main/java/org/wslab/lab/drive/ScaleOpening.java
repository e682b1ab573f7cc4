package org.wslab.lab.drive;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.LabFailure;

/**
 * What every many-connection driver does to open its clients on our NIO {@link Transport}: a
 * client engine per connection offering the RFC 6455 §4.1 handshake with the given options, a
 * connect over {@code ws://} or {@code wss://} (§4.1 (5)), bounded waits, and the failure
 * vocabulary's words ({@link ConnectFailures}) for the first handshake that failed.
 */
public final class ScaleOpening {
    /** How long a batch of connections may take to open. */
    public static final Duration OPEN_WAIT = Duration.ofSeconds(30);

    private ScaleOpening() {}

    /** A client engine for {@code uri}, CONNECTING, offering {@code options}. */
    public static Connection client(WebSocketUri uri, ClientOptions options) {
        return Connection.client(new ClientOpening(ClientHandshake.create(uri, options)),
                EngineSettings.defaults(), System.nanoTime());
    }

    /** Starts one connection to {@code uri} on {@code transport}, over TLS when {@code tls} is present. */
    public static void connect(Transport transport, WebSocketUri uri, Optional<ClientTls> tls, ClientOptions options,
                               WebSocketHandler handler) throws IOException {
        InetSocketAddress address = new InetSocketAddress(uri.host(), uri.port());
        if (tls.isPresent()) {
            transport.connect(address, tls.get(), client(uri, options), handler);
        } else {
            transport.connect(address, client(uri, options), handler);
        }
    }

    /** Waits until {@code condition} holds or {@code maxNanos} have passed, polling every 5 ms. */
    public static void waitFor(BooleanSupplier condition, long maxNanos) throws InterruptedException {
        long until = System.nanoTime() + maxNanos;
        while (!condition.getAsBoolean() && System.nanoTime() - until < 0) {
            Thread.sleep(5);
        }
    }

    /** Like {@link #waitFor(BooleanSupplier, long)} in whole seconds. */
    public static void waitForSeconds(BooleanSupplier condition, long maxSeconds) throws InterruptedException {
        waitFor(condition, TimeUnit.SECONDS.toNanos(maxSeconds));
    }

    /** Not one connection opened: the first typed failure in the vocabulary's words, or the wait that ran out. */
    public static LabFailure noConnection(WebSocketUri uri, ScaleTally tally) {
        HandshakeFailure first = tally.firstHandshakeFailure();
        if (first == null) {
            return new LabFailure(new ConnectFailure.TimedOut("an opening handshake with", ConnectFailures.where(uri),
                    OPEN_WAIT, -1), null);
        }
        return new LabFailure(ConnectFailures.opening(first, uri, OPEN_WAIT), null);
    }

    /** The first handshake failure's line, or null when none failed. */
    public static String firstFailureLine(WebSocketUri uri, ScaleTally tally) {
        HandshakeFailure first = tally.firstHandshakeFailure();
        return first == null ? null : ConnectFailures.opening(first, uri, OPEN_WAIT).line();
    }
}
