package org.wslab.conformance.stomp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.FramePeer;
import org.wslab.conformance.peer.Observation;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompFrameSink;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.codec.StompTrace;
import org.wslab.stomp.codec.WebSocketPayload;

/**
 * STOMP over an upgraded connection, from either end: a {@link RawPeer} (the server is under test)
 * or, in client mode, an accepted one (the client is; the peer sends our frames unmasked, RFC 6455 §5.1).
 * What a case sends goes out as WebSocket messages (text
 * when it is UTF-8, RFC 6455 §5.6; binary otherwise), each shown in the wire log as STOMP text;
 * what the other end sends is reassembled from its frames (§5.4), decoded with the stomp module's
 * {@link StompDecoder} (frames split across messages or several in one, heart-beat EOLs between
 * them), under the version the CONNECTED names (STOMP 1.2 "Protocol Negotiation").
 * A Ping is answered (§5.5.2), a Close answered and reported (§5.5.1).
 */
final class StompWire {
    /** Generous limits for reading a server: the checker judges frames, it does not police their size. */
    private static final StompLimits READ_LIMITS = new StompLimits(4096, 4 << 20, 64 << 20);

    private final FramePeer peer;
    private final boolean serverEnd;
    private final String other;
    private final StompDecoder decoder = new StompDecoder(StompVersion.V1_0, READ_LIMITS);
    private final ArrayDeque<StompEvent> ready = new ArrayDeque<>();
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private StompVersion version = StompVersion.V1_0;
    private boolean messageIsText;
    private StompEvent end;

    StompWire(RawPeer peer) {
        this(peer, false);
    }

    /** {@code serverEnd}: we are the server (client mode): the other end is "the client", and our CONNECTED sets the version. */
    StompWire(FramePeer peer, boolean serverEnd) {
        this.peer = peer;
        this.serverEnd = serverEnd;
        this.other = serverEnd ? "the client" : "the server";
    }

    /** Reads and writes under {@code v} from now on: the version our own CONNECTED named (client mode). */
    void version(StompVersion v) {
        version = v;
        decoder.version(v);
    }

    /** The version frames are read and written under: 1.0 until a CONNECTED names another. */
    StompVersion version() {
        return version;
    }

    /** The peer's wire log. */
    void note(String text) {
        peer.log().note(text);
    }

    /** Sends each element as one WebSocket message, all in one TCP write (so they may arrive in one read). */
    void send(List<byte[]> messages) throws IOException {
        send(messages, true);
    }

    /** {@link #send(List)}, each message shown in the log as STOMP text only when {@code show} (a large frame's pieces are not). */
    void send(List<byte[]> messages, boolean show) throws IOException {
        List<WireFrame> frames = new ArrayList<>();
        for (byte[] m : messages) {
            if (show) {
                note(StompTrace.render(">>> ", m.length > 2048 ? Arrays.copyOf(m, 2048) : m)
                        + (m.length > 2048 ? "… (" + (m.length - 2048) + " octets more)" : ""));
            }
            frames.add(WireFrame.of(true, WebSocketPayload.isText(m) ? Opcode.TEXT.code() : Opcode.BINARY.code(), m));
        }
        peer.send(frames, Chop.ONE_WRITE);
    }

    /** Sends {@code message} as one binary WebSocket message whatever its octets (RFC 6455 §5.6), shown as STOMP text. */
    void sendBinary(byte[] message) throws IOException {
        note(StompTrace.render(">>> (binary) ", message));
        peer.send(List.of(WireFrame.of(true, Opcode.BINARY.code(), message)), Chop.ONE_WRITE);
    }

    /**
     * Whether the server has answered already (a frame, a beat, a close), reading for at most a
     * millisecond; what it read is kept for {@link #next}. A case writing a large frame asks
     * between its pieces, so that a server that refused it and stopped reading never leaves the
     * case blocked on a full TCP buffer.
     */
    boolean answered() throws IOException {
        if (ready.isEmpty() && end == null) {
            observe(peer.next(Duration.ofMillis(1)));
        }
        return !ready.isEmpty() || end != null;
    }

    /** The next thing the server does before {@code deadlineNanos}. */
    StompEvent next(long deadlineNanos) throws IOException {
        while (ready.isEmpty()) {
            if (end != null) {
                return end;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return new StompEvent.Silence();
            }
            if (!observe(peer.next(Duration.ofNanos(left)))) {
                return new StompEvent.Silence();
            }
        }
        return ready.poll();
    }

    /** Takes in what the peer observed: a frame, or the end of the connection; false for silence. */
    private boolean observe(Observation o) throws IOException {
        if (o instanceof Observation.Received r) {
            take(r.frame());
        } else if (o instanceof Observation.TcpClosed c) {
            end = new StompEvent.Closed(other + " closed the TCP connection (" + c.how() + ")");
        } else if (o instanceof Observation.Undecodable u) {
            end = new StompEvent.Broken("bytes that break RFC 6455 §5.2: " + u.error());
        } else {
            return false;
        }
        return true;
    }

    private void take(Frame f) throws IOException {
        switch (f.opcode()) {
            case PING -> peer.send(List.of(WireFrame.pong(f.payload())), Chop.ONE_WRITE);
            case PONG -> { }
            case CLOSE -> {
                peer.send(List.of(WireFrame.close(f.payload().length >= 2 ? Arrays.copyOf(f.payload(), 2) : new byte[0])),
                        Chop.ONE_WRITE);
                ready.add(new StompEvent.Closed(other + " sent a WebSocket Close" + closeCode(f.payload())));
                end = new StompEvent.Closed("the WebSocket is closed");
            }
            default -> {
                if (f.opcode() != Opcode.CONTINUATION) {
                    messageIsText = f.opcode() == Opcode.TEXT;
                }
                message.write(f.payload());
                if (f.fin()) {
                    byte[] whole = message.toByteArray();
                    message.reset();
                    if (messageIsText && !WebSocketPayload.isText(whole)) {
                        ready.add(new StompEvent.Broken("a text message from " + other + " is not UTF-8 (RFC 6455 §8.1:"
                                + " the connection fails with 1007; octets that are not UTF-8 travel in a binary message, §5.6)"));
                        end = ready.peekLast();
                        return;
                    }
                    decode(whole);
                }
            }
        }
    }

    private void decode(byte[] whole) {
        note(StompTrace.render("<<< ", whole.length > 2048 ? Arrays.copyOf(whole, 2048) : whole)
                + (whole.length > 2048 ? "… (" + (whole.length - 2048) + " octets more)" : ""));
        Optional<StompViolation> bad = decoder.feed(whole, 0, whole.length, new StompFrameSink() {
            @Override
            public void onFrame(StompFrame frame) {
                if (frame.command() == StompCommand.CONNECTED && !serverEnd) {
                    version = StompVersion.fromText(frame.header("version", "1.0")).orElse(StompVersion.V1_0);
                    decoder.version(version);
                }
                ready.add(new StompEvent.Frame(frame));
            }

            @Override
            public void onHeartBeat() {
                ready.add(new StompEvent.Beat());
            }
        });
        if (bad.isPresent()) {
            ready.add(new StompEvent.Broken("a frame from " + other + " breaks " + bad.get().citation() + ": " + bad.get().detail()));
            end = ready.peekLast();
        }
    }

    private static String closeCode(byte[] body) {
        if (body.length < 2) {
            return " (no code)";
        }
        int code = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        return " (" + code + (body.length > 2 ? " \"" + new String(body, 2, body.length - 2, StandardCharsets.UTF_8) + "\"" : "") + ")";
    }
}
