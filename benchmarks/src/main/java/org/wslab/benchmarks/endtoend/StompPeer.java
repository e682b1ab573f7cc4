package org.wslab.benchmarks.endtoend;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.wslab.framing.engine.FrameListener;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.stomp.client.StompWebSocket;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;

/**
 * The lab's STOMP client ({@link StompWebSocket}: our engine, STOMP 1.2 over RFC 6455 §1.9's
 * sub-protocol) connected to one broker endpoint, without heart-beats (STOMP 1.2 "Heart-beating":
 * 0,0), subscribed to one topic with {@code ack:auto}. A publish is one SEND; the MESSAGE the broker
 * delivers for it wakes the waiting thread.
 */
public final class StompPeer implements AutoCloseable {
    /** The topic every benchmark publishes to. */
    public static final String TOPIC = "/topic/bench";

    private final StompWebSocket socket;
    private final Arrivals arrivals = new Arrivals();
    private volatile StompFrame last;

    private StompPeer(StompWebSocket socket) {
        this.socket = socket;
    }

    /** Connects, sends CONNECT, subscribes to {@link #TOPIC}, waiting for CONNECTED and the RECEIPT. */
    public static StompPeer open(URI uri) {
        WebSocketUri target = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(uri.toString())).uri();
        StompWebSocket socket = StompWebSocket.open(new StompWebSocket.Settings(target, Optional.empty(),
                FrameListener.NONE, StompWireTap.NONE, StompLimits.DEFAULT, Duration.ofSeconds(10)), e -> { });
        StompPeer peer = new StompPeer(socket);
        try {
            socket.connect(ClientConnectOptions.DEFAULT.withHeartBeat(new HeartBeat(0, 0))).get(10, TimeUnit.SECONDS);
            socket.client().subscribe("bench", TOPIC, AckMode.AUTO, peer::delivered, true).get(10, TimeUnit.SECONDS);
            return peer;
        } catch (Exception e) {
            socket.shutdown();
            throw new IllegalStateException("the STOMP session with " + uri + " did not start", e);
        }
    }

    private void delivered(StompFrame message) {
        last = message;
        arrivals.arrive();
    }

    /** SEND {@code body} to {@link #TOPIC}; returns the MESSAGE it came back as. */
    public StompFrame publish(String body) {
        arrivals.expect(1);
        socket.client().send(TOPIC, body, null, false);
        arrivals.await();
        return last;
    }

    @Override
    public void close() {
        socket.shutdown();
    }
}
