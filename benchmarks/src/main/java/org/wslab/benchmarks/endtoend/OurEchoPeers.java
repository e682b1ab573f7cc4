package org.wslab.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.transport.SendResult;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * Our client: every connection on one {@link Transport} with one selector loop (one thread drives
 * all of them, as {@code BlockingWebSocket} would need a loop per connection). The benchmark thread
 * hands the sends to the loop in one task, so 64 messages cost one wake-up; each echo is counted on
 * the loop. For the latency benchmark the connections but the first can be kept {@link #keepBusy busy}:
 * each echo is sent back at once, so the server always has one message in flight on each of them.
 */
public final class OurEchoPeers implements EchoPeers {
    private final Transport transport;
    private final List<Peer> peers = new ArrayList<>();
    private final Arrivals arrivals = new Arrivals();
    /** Messages in flight on busy connections; the load is over when it is back to zero. */
    private final AtomicInteger busyInFlight = new AtomicInteger();
    private volatile boolean busy;

    private OurEchoPeers(Transport transport) {
        this.transport = transport;
    }

    /** Opens {@code connections} connections to {@code uri} (RFC 6455 §4.1), no extensions. */
    public static OurEchoPeers open(URI uri, int connections) {
        WebSocketUri target = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(uri.toString())).uri();
        Transport transport = Transport.start(TransportSettings.defaults().withLoops(1));
        OurEchoPeers all = new OurEchoPeers(transport);
        try {
            InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
            for (int i = 0; i < connections; i++) {
                Peer p = all.new Peer();
                Connection c = Connection.client(new ClientOpening(ClientHandshake.create(target, ClientOptions.defaults())),
                        EngineSettings.defaults(), System.nanoTime());
                p.channel = transport.connect(address, c, p);
                all.peers.add(p);
            }
            for (Peer p : all.peers) {
                p.opened.get(10, TimeUnit.SECONDS);
            }
            return all;
        } catch (IOException e) {
            all.close();
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            all.close();
            throw new IllegalStateException("our client could not open " + connections + " connections to " + uri, e);
        }
    }

    @Override
    public int connections() {
        return peers.size();
    }

    @Override
    public void echoAll(byte[] payload) {
        arrivals.expect(peers.size());
        peers.get(0).channel.execute(() -> {
            for (Peer p : peers) {
                p.send(payload);
            }
        });
        arrivals.await();
    }

    @Override
    public void echoOne(int i, byte[] payload) {
        arrivals.expect(1);
        Peer p = peers.get(i);
        p.channel.execute(() -> p.send(payload));
        arrivals.await();
    }

    /** Keeps every connection but the first echoing {@code payload} back and forth until {@link #stopBusy()}. */
    public void keepBusy(byte[] payload) {
        busy = true;
        peers.get(0).channel.execute(() -> {
            for (int i = 1; i < peers.size(); i++) {
                peers.get(i).busy = true;
                busyInFlight.incrementAndGet();
                peers.get(i).send(payload);
            }
        });
    }

    /** Ends the load of {@link #keepBusy} and waits until its last messages have come back. */
    public void stopBusy() {
        busy = false;
        long deadline = System.nanoTime() + Arrivals.LONGEST_WAIT_NANOS;
        while (busyInFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        peers.get(0).channel.execute(() -> peers.forEach(p -> p.busy = false));
    }

    @Override
    public byte[] lastEcho(int i) {
        return peers.get(i).last;
    }

    @Override
    public void close() {
        transport.close();
    }

    /** One connection's handler; all its calls are on the loop. */
    private final class Peer implements WebSocketHandler {
        final CompletableFuture<Void> opened = new CompletableFuture<>();
        WebSocketChannel channel;
        volatile byte[] last;
        boolean busy;

        void send(byte[] payload) {
            SendResult r = channel.sendBinary(payload);
            if (r != SendResult.SENT) {
                arrivals.fail("a send was refused: " + r);
            }
        }

        @Override
        public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted done) {
            opened.complete(null);
        }

        @Override
        public void onBinary(byte[] data) {
            last = data;
            if (busy) {
                if (OurEchoPeers.this.busy) {
                    send(data);
                } else {
                    busy = false;
                    busyInFlight.decrementAndGet();
                }
            } else {
                arrivals.arrive();
            }
        }

        @Override
        public void onClosed(Event.Closed closed) {
            opened.completeExceptionally(new IllegalStateException("closed before open: " + closed));
            arrivals.fail("a connection closed: " + closed);
        }
    }
}
