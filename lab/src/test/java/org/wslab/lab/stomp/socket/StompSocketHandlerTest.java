package org.wslab.lab.stomp.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.RequestHead;
import org.wslab.framing.transport.SendResult;
import org.wslab.lab.server.socket.SocketPeer;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.lab.stomp.StompBackend;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;

/**
 * The STOMP handler of our engine, driven directly (no socket): frames go out as text when they
 * are UTF-8 and as binary otherwise (RFC 6455 §5.6), and heart-beats follow the handler's
 * {@code tick} on the caller's clock (STOMP 1.2 "Heart-beating") — a due beat is an EOL, a silent
 * client is dropped with an ERROR and the WebSocket closes with 1000.
 */
class StompSocketHandlerTest {
    private final LabStomp stomp = LabStomp.open(StompBackend.IN_MEMORY,
            StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(50, 50)));

    @AfterEach
    void close() {
        stomp.close();
    }

    /** What the handler sent on one connection: each message as text (T) or binary (B), and a close. */
    static final class RecordingPeer implements SocketPeer {
        final List<Object> sent = new CopyOnWriteArrayList<>();
        volatile Integer closedWith;
        /** False: the outbound queue is full (a stalled socket); the handler must not send. */
        volatile boolean writable = true;
        volatile boolean readingPaused;
        /** The message sent past the outbound limit right before the close, if any. */
        volatile String lastBeforeClose;

        @Override
        public RequestHead request() {
            throw new UnsupportedOperationException("not needed by the STOMP handler");
        }

        @Override
        public Optional<String> subprotocol() {
            return Optional.of("v12.stomp");
        }

        @Override
        public Optional<DeflateParameters> deflate() {
            return Optional.empty();
        }

        @Override
        public SendResult sendText(String text) {
            if (!writable) {
                throw new AssertionError("sent into a full outbound queue: " + text);
            }
            sent.add(text);
            return SendResult.SENT;
        }

        @Override
        public SendResult sendText(byte[] utf8) {
            return sendText(new String(utf8, StandardCharsets.UTF_8));
        }

        @Override
        public SendResult sendBinary(byte[] data) {
            sent.add(data);
            return SendResult.SENT;
        }

        @Override
        public SendResult sendPing(byte[] payload) {
            return SendResult.SENT;
        }

        @Override
        public long outboundBytes() {
            return 0;
        }

        @Override
        public boolean writable() {
            return writable;
        }

        @Override
        public void pauseReading() {
            readingPaused = true;
        }

        @Override
        public void resumeReading() {
            readingPaused = false;
        }

        @Override
        public boolean sendLastThenClose(byte[] octets, boolean text, int code, String reason) {
            lastBeforeClose = new String(octets, StandardCharsets.UTF_8);
            sent.add(lastBeforeClose);
            closedWith = code;
            return true;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public boolean close(int code, String reason) {
            closedWith = code;
            return true;
        }

        String lastText() {
            return (String) sent.get(sent.size() - 1);
        }
    }

    private static StompSocketHandler connected(LabStomp stomp, RecordingPeer peer, String heartBeat) {
        StompSocketHandler h = new StompSocketHandler(stomp, peer);
        h.onText(("CONNECT\naccept-version:1.2\nhost:x\nheart-beat:" + heartBeat + "\n\n\u0000")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(peer.lastText().startsWith("CONNECTED\nversion:1.2\n"), peer.lastText());
        return h;
    }

    @Test
    void aBodyThatIsNotUtf8TravelsAsABinaryMessage() {
        RecordingPeer subscriberPeer = new RecordingPeer();
        RecordingPeer senderPeer = new RecordingPeer();
        StompSocketHandler subscriber = connected(stomp, subscriberPeer, "0,0");
        StompSocketHandler sender = connected(stomp, senderPeer, "0,0");
        subscriber.onText("SUBSCRIBE\nid:0\ndestination:/topic/bin\nreceipt:s\n\n\u0000".getBytes(StandardCharsets.UTF_8));
        assertEquals("RECEIPT\nreceipt-id:s\n\n\u0000", subscriberPeer.lastText());

        byte[] body = {0x00, (byte) 0xFF, 0x41};   // a NUL and an octet that is never UTF-8
        ByteArrayOutputStream send = new ByteArrayOutputStream();
        send.writeBytes("SEND\ndestination:/topic/bin\ncontent-length:3\n\n".getBytes(StandardCharsets.US_ASCII));
        send.writeBytes(body);
        send.write(0);
        sender.onBinary(send.toByteArray());

        Object message = subscriberPeer.sent.get(subscriberPeer.sent.size() - 1);
        assertTrue(message instanceof byte[], "not UTF-8, so a binary message: " + message);
        byte[] octets = (byte[]) message;
        String head = new String(octets, 0, octets.length - 4, StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("MESSAGE\n") && head.contains("\ncontent-length:3\n"), head);
        byte[] tail = new byte[4];
        System.arraycopy(octets, octets.length - 4, tail, 0, 4);
        assertArrayEquals(new byte[] {0x00, (byte) 0xFF, 0x41, 0x00}, tail, "the body, then the frame's NUL");
    }

    @Test
    void heartBeatsFollowTheTickAndASilentClientIsDropped() {
        RecordingPeer peer = new RecordingPeer();
        StompSocketHandler h = connected(stomp, peer, "50,50");
        long t0 = System.nanoTime(); // not before the CONNECT was received
        int before = peer.sent.size();

        long next = h.tick(t0 + TimeUnit.MILLISECONDS.toNanos(60));
        assertEquals("\n", peer.sent.get(before), "a due heart-beat is one EOL (STOMP 1.2 \"Heart-beating\")");
        assertTrue(next > t0 + TimeUnit.MILLISECONDS.toNanos(60), "the next deadline is ahead");

        // nothing from the client for more than 50 ms × 2 (the silence tolerance): ERROR, then close
        assertEquals(Long.MAX_VALUE, h.tick(t0 + TimeUnit.SECONDS.toNanos(1)));
        assertTrue(peer.lastText().startsWith("ERROR\n"), peer.lastText());
        assertTrue(peer.lastText().contains("HEART_BEAT_TIMEOUT"), peer.lastText());
        assertEquals(1000, peer.closedWith);
    }

    @Test
    void aStalledSubscriberIsNotPumpedAndItsCutOffErrorIsItsLastMessage() {
        // Rule SLOW_CONSUMER (wslab policy) on our engine: while the peer's outbound queue is full the
        // handler pumps no mail and sends nothing; once cut off, the ERROR goes out past the limit as
        // the connection's last message, then the close — the ERROR is never queued behind unsent mail.
        try (LabStomp tight = LabStomp.open(StompBackend.IN_MEMORY, StompServerConfig.DEFAULT
                .withHeartBeat(HeartBeat.NONE).withMailbox(org.wslab.stomp.broker.MailboxLimits.DEFAULT
                        .withBytes(1024, 512, 1 << 20).withSlowConsumerNanos(1_000_000)))) {
            RecordingPeer slowPeer = new RecordingPeer();
            RecordingPeer pubPeer = new RecordingPeer();
            StompSocketHandler slow = connected(tight, slowPeer, "0,0");
            StompSocketHandler pub = connected(tight, pubPeer, "0,0");
            slow.onText("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\u0000".getBytes(StandardCharsets.UTF_8));
            slowPeer.writable = false;
            int before = slowPeer.sent.size();
            String body = "x".repeat(600);
            for (int i = 0; i < 4 && !pubPeer.readingPaused; i++) {
                pub.onText(("SEND\ndestination:/topic/t\n\n" + body + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(pubPeer.readingPaused, "the publisher stopped being read");
            assertEquals(before, slowPeer.sent.size(), "nothing sent into the full queue");
            slow.tick(System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
            assertEquals(1000, slowPeer.closedWith);
            assertTrue(slowPeer.lastBeforeClose != null && slowPeer.lastBeforeClose.startsWith("ERROR\n")
                    && slowPeer.lastBeforeClose.contains("[SLOW_CONSUMER]"), String.valueOf(slowPeer.lastBeforeClose));
            pub.onWritable(); // any call lets the woken publisher settle
            assertTrue(!pubPeer.readingPaused, "the publisher is read again");
        }
    }

    @Test
    void aDisconnectWaitsForItsReceiptToBeWrittenBeforeTheClose() {
        // Rule STOMP 1.2 "DISCONNECT": the RECEIPT goes out, then the connection closes — a full
        // outbound queue delays both (nothing is dropped, nothing is sent into the full queue).
        RecordingPeer peer = new RecordingPeer();
        StompSocketHandler h = connected(stomp, peer, "0,0");
        peer.writable = false;
        h.onText("DISCONNECT\nreceipt:bye\n\n\u0000".getBytes(StandardCharsets.UTF_8));
        assertEquals(null, peer.closedWith, "not closed while the RECEIPT waits");
        assertTrue(peer.readingPaused, "and not read meanwhile");
        peer.writable = true;
        h.onWritable();
        assertEquals("RECEIPT\nreceipt-id:bye\n\n\u0000", peer.lastText());
        assertEquals(1000, peer.closedWith);
    }
}
