package org.wslab.framing.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.Violation;
import org.wslab.framing.engine.Event;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** The NIO transport: echo under any read size, backpressure both ways, limits, §7.1.1 ordering. */
class TransportTest {
    private static final TransportSettings ONE_LOOP = TransportSettings.defaults().withLoops(1);

    // any split of reads (read buffers of 1 byte up) gives the same messages, in order, none lost
    @Test
    void everyMessageComesBackWholeUnderAnyReadBufferSize() {
        Props.qt(15).forAll(integers().between(1, 300), integers().between(1, 300),
                lists().of(ByteGens.bytes(0, 3000)).ofSizeBetween(1, 6)).checkAssert((serverRead, clientRead, msgs) -> {
            try (TransportFixture server = new TransportFixture(ONE_LOOP.withReadBufferBytes(serverRead),
                    EchoHandler::new);
                 Transport client = Transport.start(ONE_LOOP.withReadBufferBytes(clientRead))) {
                Recorder r = new Recorder(msgs);
                server.connect(client, r);
                assertInstanceOf(Event.HandshakeCompleted.class, r.next());
                for (byte[] m : msgs) {
                    assertArrayEquals(m, assertInstanceOf(Event.BinaryMessage.class, r.next()).data());
                }
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    // RFC 6455 §5.4/§5.2: a peer that writes and reads one byte per call is served like any other
    @Test
    void aPeerThatWritesAndReadsOneByteAtATimeIsEchoed() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new);
             OneByteClient peer = new OneByteClient(server.uri(), server.listener.port())) {
            peer.open();
            peer.sendText("héllo, one byte at a time");
            assertEquals(Event.TextMessage.of("héllo, one byte at a time"), peer.nextMessage());
        }
    }

    // wslab policy: outbound memory per connection stays bounded when the peer never reads; sending on
    // after the refusal fails the connection with OUTBOUND_OVERFLOW
    @Test
    void aPeerThatNeverReadsCannotGrowOutboundMemory() throws Exception {
        long limit = 256 * 1024;
        byte[] chunk = new byte[16 * 1024];
        AtomicLong maxQueued = new AtomicLong();
        AtomicInteger refusals = new AtomicInteger();
        AtomicReference<Event.Closed> closed = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        WebSocketHandler flooder = new WebSocketHandler() {
            @Override
            public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
                flood(ch);
            }

            private void flood(WebSocketChannel ch) {
                // an application that ignores refusals: keeps sending from the loop until the connection ends
                for (int i = 0; i < 10_000 && ch.sendBinary(chunk) != SendResult.NOT_OPEN; i++) {
                    maxQueued.accumulateAndGet(ch.outboundBytes(), Math::max);
                    if (!ch.writable()) {
                        refusals.incrementAndGet();
                    }
                }
            }

            @Override
            public void onClosed(Event.Closed c) {
                closed.set(c);
                done.countDown();
            }
        };
        try (TransportFixture server = new TransportFixture(ONE_LOOP.withMaxOutboundBytes(limit), () -> flooder);
             OneByteClient peer = new OneByteClient(server.uri(), server.listener.port())) {
            peer.shrinkReceiveBuffer();
            peer.open(); // then never reads again
            assertTrue(done.await(10, TimeUnit.SECONDS), "the connection ended");
            assertTrue(maxQueued.get() <= limit + chunk.length + 200, "outbound stayed bounded: " + maxQueued.get());
            assertTrue(refusals.get() > 0, "sends were refused");
            assertEquals(Violation.OUTBOUND_OVERFLOW, closed.get().error().orElseThrow().violation());
        }
    }

    // RFC 6455 §7.1.1: after the closing handshake the server closes TCP first, and the last frames arrive first
    @Test
    void theServerSendsItsFinAfterItsCloseFrameAndNothingIsLost() throws Exception {
        WebSocketHandler lastWords = (ch, opened) -> {
            ch.sendText("last words");
            ch.close(1000, "bye");
        };
        try (TransportFixture server = new TransportFixture(ONE_LOOP, () -> lastWords);
             OneByteClient peer = new OneByteClient(server.uri(), server.listener.port())) {
            peer.open();
            assertEquals(Event.TextMessage.of("last words"), peer.nextMessage());
            Event.Closed c = assertInstanceOf(Event.Closed.class, peer.nextMessage());
            assertEquals(1000, c.code());
            assertTrue(peer.connection.shouldCloseTransport());
            assertEquals(-1, peer.readByte(), "the server's FIN follows its close frame, before ours");
        }
    }

    // reading pauses while the handler asks, and resumes through execute() from another thread
    @Test
    void readingPausesAndResumesOnRequest() throws Exception {
        AtomicInteger received = new AtomicInteger();
        AtomicReference<WebSocketChannel> serverSide = new AtomicReference<>();
        CountDownLatch opened = new CountDownLatch(1);
        WebSocketHandler paused = new WebSocketHandler() {
            @Override
            public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted e) {
                ch.pauseReading();
                serverSide.set(ch);
                opened.countDown();
            }

            @Override
            public void onBinary(byte[] data) {
                received.incrementAndGet();
            }
        };
        try (TransportFixture server = new TransportFixture(ONE_LOOP, () -> paused);
             Transport client = Transport.start(ONE_LOOP)) {
            Recorder r = new Recorder(List.of(new byte[10], new byte[20], new byte[30]));
            server.connect(client, r);
            assertInstanceOf(Event.HandshakeCompleted.class, r.next());
            assertTrue(opened.await(10, TimeUnit.SECONDS));
            Thread.sleep(200); // give a broken pause the chance to deliver
            assertEquals(0, received.get(), "nothing is read while paused");
            serverSide.get().execute(() -> serverSide.get().resumeReading());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.get() < 3 && System.nanoTime() - until < 0) {
                Thread.sleep(5);
            }
            assertEquals(3, received.get(), "all three after resuming");
        }
    }

    // RFC 9110 §15.6.4: one connection over the limit is answered 503 and closed; the open one goes on
    @Test
    void aConnectionOverTheLimitGets503() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP.withMaxConnections(1), EchoHandler::new);
             Transport client = Transport.start(ONE_LOOP)) {
            Recorder first = new Recorder(List.of(new byte[] {1}));
            server.connect(client, first);
            assertInstanceOf(Event.HandshakeCompleted.class, first.next());
            try (Socket extra = new Socket("127.0.0.1", server.listener.port())) {
                InputStream in = extra.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), answer);
                assertTrue(answer.contains("Retry-After: 1"), answer);
            }
            assertArrayEquals(new byte[] {1}, assertInstanceOf(Event.BinaryMessage.class, first.next()).data());
            assertEquals(1, server.listener.refusedConnections());
        }
    }

    // RFC 6455 §4.2.1: a bad upgrade gets the handshake module's HTTP refusal naming the rule, then the close
    @Test
    void aBadRequestGetsAnHttpRefusalNamingTheRule() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new);
             Socket raw = new Socket("127.0.0.1", server.listener.port())) {
            raw.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(response.contains("RFC 6455 §4.2.1"), response);
        }
    }

    // RFC 6455 §4.2.2: the handler sees the typed exchange; the request target names the resource
    @Test
    void theHandlerSeesTheRequestTarget() throws Exception {
        WebSocketHandler target = (ch, opened) -> ch.sendText(
                ((org.wslab.framing.engine.HandshakeExchange.Server) opened.exchange()).request().target());
        try (TransportFixture server = new TransportFixture(ONE_LOOP, () -> target);
             Transport client = Transport.start(ONE_LOOP)) {
            Recorder r = new Recorder(List.of());
            server.connect(client, r);
            assertInstanceOf(Event.HandshakeCompleted.class, r.next());
            assertEquals(Event.TextMessage.of("/echo"), r.next());
        }
    }

    // RFC 6455 §4.1: a connection that cannot be opened fails the handshake with its rule, then closes (1006)
    @Test
    void aRefusedConnectIsAFailedHandshakeThenAClose() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Transport client = Transport.start(ONE_LOOP)) {
            Recorder r = new Recorder(List.of());
            org.wslab.handshake.WebSocketUri uri = ((org.wslab.handshake.WebSocketUri.Parse.Valid)
                    org.wslab.handshake.WebSocketUri.parse("ws://127.0.0.1:" + port + "/")).uri();
            client.connect(new java.net.InetSocketAddress("127.0.0.1", port), org.wslab.framing.engine.Connection.client(
                    new org.wslab.framing.engine.ClientOpening(org.wslab.handshake.ClientHandshake.create(uri,
                            org.wslab.handshake.ClientOptions.defaults())),
                    org.wslab.framing.engine.EngineSettings.defaults(), System.nanoTime()), r);
            Event.HandshakeFailed failed = assertInstanceOf(Event.HandshakeFailed.class, r.next());
            assertEquals(org.wslab.framing.engine.OpeningRule.CONNECT_REFUSED, failed.failure().rule()); // a closed port resets (RFC 9293 §3.5)
            assertEquals(1006, assertInstanceOf(Event.Closed.class, r.next()).code());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.openClientConnections() > 0 && System.nanoTime() - until < 0) {
                Thread.sleep(5);
            }
            assertEquals(0, client.openClientConnections());
        }
    }
}
