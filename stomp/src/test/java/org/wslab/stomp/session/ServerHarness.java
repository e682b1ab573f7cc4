package org.wslab.stomp.session;

import java.nio.ByteBuffer;
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
import org.wslab.stomp.StompVersion;

/**
 * Test harness: server sessions on one broker, driven like a transport would (receive, pump every
 * session's mailbox, take the output), each with a client side that decodes what it is sent under
 * the negotiated version — so every frame written must re-parse.
 */
final class ServerHarness {
    final StompBroker broker;
    final StompServerConfig config;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Client> clients = new ArrayList<>();
    /** Output octets a pump may produce per session per round; {@link Long#MAX_VALUE}: no transport limit. */
    long pumpBudget = Long.MAX_VALUE;

    ServerHarness(StompServerConfig config) {
        this(new InMemoryBroker(), config);
    }

    ServerHarness(StompBroker broker, StompServerConfig config) {
        this.broker = broker;
        this.config = config;
    }

    Client open(long nowNanos) {
        Client c = new Client(nowNanos);
        clients.add(c);
        return c;
    }

    /** Pumps every session until no mailbox holds anything (what the transports' wake-ups do). */
    void pumpAll(long nowNanos) {
        boolean more = true;
        for (int round = 0; more && round < 100_000; round++) {
            more = false;
            for (Client c : clients) {
                if (c.stalled) {
                    c.session.pump(nowNanos, 0);
                    c.collect();
                    continue;
                }
                c.session.pump(nowNanos, pumpBudget);
                more |= c.collect() | c.session.hasMail();
            }
        }
    }

    final class Client {
        final List<StompFrame> received = new ArrayList<>();
        int heartBeats;
        boolean closed;
        /** A stalled client's transport takes nothing: its mailbox is not pumped. */
        boolean stalled;
        final StompServerSession session;
        private final StompDecoder decoder = new StompDecoder(StompVersion.V1_2, StompLimits.DEFAULT);

        Client(long nowNanos) {
            session = new StompServerSession(broker, config, "s" + ids.incrementAndGet(), () -> { }, nowNanos);
        }

        /** Takes the session's output; true when there was any. */
        boolean collect() {
            List<OutboundMessage> out = session.takeOutput();
            for (OutboundMessage m : out) {
                if (m.isHeartBeat()) {
                    heartBeats++;
                    continue;
                }
                decoder.version(session.version());
                decoder.feed(m.octets(), 0, m.octets().length, received::add).ifPresent(v -> {
                    throw new AssertionError("server wrote undecodable octets: " + v);
                });
            }
            if (session.shouldCloseTransport()) {
                closed = true;
            }
            return !out.isEmpty();
        }

        Client send(String wire) {
            return send(wire, 0);
        }

        Client send(String wire, long nowNanos) {
            return receive(wire.getBytes(StandardCharsets.UTF_8), nowNanos);
        }

        /** One WebSocket message's octets in, then every session pumped. */
        Client receive(byte[] octets, long nowNanos) {
            session.receive(ByteBuffer.wrap(octets), nowNanos);
            collect();
            pumpAll(nowNanos);
            return this;
        }

        long tick(long nowNanos) {
            long next = session.tick(nowNanos);
            collect();
            return next;
        }

        void transportClosed(long nowNanos) {
            session.transportClosed(nowNanos);
            pumpAll(nowNanos);
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
