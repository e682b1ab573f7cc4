package org.wslab.stomp.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.codec.StompVersion;

/** Test harness: server sessions on one broker, each with an output that decodes what it is sent. */
final class ServerHarness {
    final StompBroker broker;
    final StompServerConfig config;
    private final AtomicInteger ids = new AtomicInteger();

    ServerHarness(StompServerConfig config) {
        this(new InMemoryBroker(), config);
    }

    ServerHarness(StompBroker broker, StompServerConfig config) {
        this.broker = broker;
        this.config = config;
    }

    Client open(long nowNanos) {
        return new Client(nowNanos);
    }

    final class Client implements StompServerOutput {
        final List<StompFrame> received = new ArrayList<>();
        int heartBeats;
        boolean closed;
        final StompServerSession session;
        private final StompDecoder decoder = new StompDecoder(StompVersion.V1_2, StompLimits.DEFAULT);

        Client(long nowNanos) {
            session = new StompServerSession(broker, config, this, "s" + ids.incrementAndGet(), nowNanos);
        }

        @Override
        public void write(byte[] octets, StompFrame frame) {
            if (frame == null) {
                heartBeats++;
                return;
            }
            decoder.version(session.version());
            decoder.feed(octets, 0, octets.length, received::add).ifPresent(v -> {
                throw new AssertionError("server wrote undecodable octets: " + v);
            });
        }

        @Override
        public void close() {
            closed = true;
        }

        Client send(String wire) {
            return send(wire, 0);
        }

        Client send(String wire, long nowNanos) {
            byte[] b = wire.getBytes(StandardCharsets.UTF_8);
            session.receive(b, 0, b.length, nowNanos);
            return this;
        }

        Client connect(String version) {
            send("CONNECT\naccept-version:" + version + "\nhost:lab\n\n\0");
            if (received.isEmpty() || received.get(received.size() - 1).command() != StompCommand.CONNECTED) {
                throw new AssertionError("not connected: " + received);
            }
            return this;
        }

        StompFrame last() {
            return received.get(received.size() - 1);
        }

        List<StompFrame> messages() {
            return received.stream().filter(f -> f.command() == StompCommand.MESSAGE).toList();
        }
    }
}
