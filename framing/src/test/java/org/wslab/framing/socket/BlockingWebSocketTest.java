package org.wslab.framing.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.ServerOpening;
import org.wslab.framing.transport.Acceptor;
import org.wslab.framing.transport.Listener;
import org.wslab.framing.transport.SendResult;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.WebSocketUri;

/**
 * The blocking facade over the transport: bounded in memory when its caller stops taking events,
 * and ended as RFC 6455 §7.1.1 says (the server's FIN first). Counts and states, no timings; the
 * class timeout only keeps a broken build from hanging.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BlockingWebSocketTest {
    private static final int MESSAGES = 2_000;
    private static final int MESSAGE_BYTES = 16 * 1024;
    private static final int CAPACITY = 8;

    private static WebSocketUri uri(int port) {
        return ((WebSocketUri.Parse.Valid) WebSocketUri.parse("ws://127.0.0.1:" + port + "/any")).uri();
    }

    /** Sends {@link #MESSAGES} binary messages as fast as its outbound queue takes them. */
    private static final class Flood implements WebSocketHandler {
        final AtomicInteger sent = new AtomicInteger();
        final CountDownLatch refused = new CountDownLatch(1);
        private final byte[] payload = new byte[MESSAGE_BYTES];
        private WebSocketChannel channel;

        @Override
        public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
            channel = ch;
            pump();
        }

        @Override
        public void onWritable() {
            pump();
        }

        private void pump() {
            while (sent.get() < MESSAGES) {
                if (channel.sendBinary(payload) == SendResult.OUTBOUND_FULL) {
                    refused.countDown();
                    return;
                }
                sent.incrementAndGet();
            }
        }
    }

    // 32 MiB offered to a caller that takes nothing: the queue stops at its capacity, reading pauses,
    // TCP fills and the server's outbound queue refuses — then every message arrives once taken
    @Test
    void aCallerThatStopsTakingHoldsTheServerBackInsteadOfGrowingMemory() throws Exception {
        Flood flood = new Flood();
        try (Transport server = Transport.start(TransportSettings.defaults().withLoops(1).withMaxOutboundBytes(64 * 1024));
             Listener listener = server.listen(new InetSocketAddress("127.0.0.1", 0), Acceptor.serving(
                     new ServerHandshake(ServerPolicy.defaults()), EngineSettings.defaults(), () -> flood));
             BlockingWebSocket ws = BlockingWebSocket.connect(uri(listener.port()), ClientOptions.defaults(),
                     EngineSettings.defaults(), TransportSettings.defaults(), CAPACITY, Optional.empty())) {
            assertNotNull(ws.awaitOpen());
            while (!ws.readingPaused()) { // a facade that never pauses fails the queue bound below instead
                assertTrue(ws.queuedEvents() <= CAPACITY, ws.queuedEvents() + " events queued");
                Thread.sleep(1);
            }
            assertTrue(ws.queuedEvents() <= CAPACITY, ws.queuedEvents() + " events queued");
            assertEquals(CAPACITY, ws.mostQueuedEvents(), "the queue stopped at its capacity");
            assertTrue(flood.sent.get() < MESSAGES, "TCP holds the server back: 32 MiB do not fit its buffers");

            int received = 0;
            while (received < MESSAGES) {
                Event e = ws.next();
                assertInstanceOf(Event.BinaryMessage.class, e);
                assertEquals(MESSAGE_BYTES, ((Event.BinaryMessage) e).data().length);
                received++;
            }
            assertEquals(MESSAGES, flood.sent.get());
            assertEquals(0, flood.refused.getCount(), "the server's outbound queue filled on the way");
            assertTrue(ws.mostQueuedEvents() <= CAPACITY, "at most " + CAPACITY + ", saw " + ws.mostQueuedEvents());
            assertTrue(ws.close(1000, ""));
            Event.Closed closed = lastClosed(ws);
            assertEquals(1000, closed.code());
            assertTrue(closed.clean());
        }
    }

    // RFC 6455 §7.1.1: the server closes TCP first; the client's socket stays open until the server's
    // FIN comes (the transport's linger, set long here), then ends with its own FIN, not a reset
    @Test
    void theCloseHandshakeEndsWithTheServersFin() throws Exception {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             BlockingWebSocket ws = BlockingWebSocket.connect(uri(listening.getLocalPort()), ClientOptions.defaults(),
                     EngineSettings.defaults(), TransportSettings.defaults().withLingerNanos(TimeUnit.MINUTES.toNanos(10)),
                     BlockingWebSocket.DEFAULT_EVENT_CAPACITY, Optional.empty());
             Socket peer = listening.accept()) {
            Connection server = Connection.server(new ServerOpening(new ServerHandshake(ServerPolicy.defaults())),
                    EngineSettings.defaults(), System.nanoTime());
            pumpUntil(server, peer, Event.HandshakeCompleted.class);
            Event.HandshakeCompleted open = ws.awaitOpen();
            assertNotNull(open);
            assertSame(open, ws.awaitOpen(), "asked again, the same answer; no event taken");

            assertTrue(ws.close(1000, "bye"));
            pumpUntil(server, peer, Event.Closed.class); // the server echoes the close frame
            assertTrue(server.shouldCloseTransport());
            Event e = ws.next();
            Event.Closed closed = assertInstanceOf(Event.Closed.class, e);
            assertEquals(1000, closed.code());
            assertTrue(closed.clean());
            assertFalse(ws.socketClosed(), "the client waits for the server's FIN");

            peer.shutdownOutput(); // the server's FIN
            assertNull(ws.next(), "the facade ends once the socket is closed");
            assertTrue(ws.socketClosed());
            assertEquals(-1, peer.getInputStream().read(), "the client's FIN follows the server's");
        }
    }

    /** Drives the server engine over the blocking peer socket until it reports a {@code type} event. */
    private static void pumpUntil(Connection server, Socket peer, Class<? extends Event> type) throws Exception {
        InputStream in = peer.getInputStream();
        OutputStream out = peer.getOutputStream();
        byte[] buffer = new byte[4096];
        List<Event> seen = new ArrayList<>();
        while (seen.stream().noneMatch(type::isInstance)) {
            int n = in.read(buffer);
            assertTrue(n > 0, "the client is still there");
            seen.addAll(server.receive(ByteBuffer.wrap(buffer, 0, n), System.nanoTime()));
            for (ByteBuffer b : server.takeOutput()) {
                out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            }
            out.flush();
        }
    }

    private static Event.Closed lastClosed(BlockingWebSocket ws) throws Exception {
        Event.Closed closed = null;
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.Closed c) {
                closed = c;
            }
        }
        assertNotNull(closed);
        assertTrue(ws.socketClosed());
        return closed;
    }
}
