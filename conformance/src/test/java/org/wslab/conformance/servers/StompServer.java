package org.wslab.conformance.servers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.transport.Acceptor;
import org.wslab.framing.transport.Listener;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.SubprotocolPolicy;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;
import org.wslab.stomp.codec.WebSocketPayload;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.OutboundMessage;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.stomp.session.StompServerSession;

/**
 * A STOMP over WebSocket server for the STOMP catalogue's own tests: our engine (framing's NIO
 * transport) with the stomp module's {@link StompServerSession} and {@link InMemoryBroker},
 * heart-beat {@code 250,250}, sub-protocols {@code v12.stomp, v11.stomp, v10.stomp} — right in
 * every way but its {@link Fault}s (none, one, or several at once), which it applies to what the session sends.
 */
public final class StompServer implements AutoCloseable {
    /** A thing it gets wrong. */
    public enum Fault {
        /** Writes MESSAGE header values raw, unescaped, in every version (breaks STOMP 1.1/1.2 "Value Encoding"). */
        MIS_ESCAPES,
        /** Never sends a heart-beat (breaks "Heart-beating": the sender MUST send data every n ms). */
        NO_HEART_BEATS,
        /** Never sends a RECEIPT (breaks "Header receipt", "RECEIPT"). */
        NO_RECEIPTS,
        /** Drops every binary WebSocket message it is sent, as a server reading text only would ("STOMP Frames"). */
        TEXT_ONLY,
        /** Sends every frame as a text message, a binary body too (breaks RFC 6455 §5.6: text is UTF-8). */
        ALL_AS_TEXT,
        /**
         * Passes a MESSAGE body that is not UTF-8 through a string (malformed octets become U+FFFD) and
         * recounts its content-length: valid text, but not the octets sent (breaks "Header content-length").
         */
        BODY_AS_STRING
    }

    private static final AtomicLong IDS = new AtomicLong();
    private final Transport transport = Transport.start(TransportSettings.defaults().withLoops(1));
    private final InMemoryBroker broker = new InMemoryBroker();
    private final StompServerConfig config = StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(250, 250));
    private final Set<Fault> faults;
    private final Listener listener;

    /** A server with {@code faults} (none: a conforming server), on 127.0.0.1 port 0. */
    public StompServer(Fault... faults) throws IOException {
        this.faults = faults.length == 0 ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(List.of(faults));
        ServerHandshake handshake = new ServerHandshake(ServerPolicy.defaults()
                .withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, "v12.stomp", "v11.stomp", "v10.stomp"));
        listener = transport.listen(new InetSocketAddress("127.0.0.1", 0),
                Acceptor.serving(handshake, EngineSettings.defaults(), Session::new));
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.port() + "/stomp");
    }

    @Override
    public void close() {
        listener.close();
        transport.close();
    }

    /** One connection: octets to the session, its output (through the fault) to the channel. */
    private final class Session implements WebSocketHandler {
        private WebSocketChannel channel;
        private StompServerSession session;
        private boolean closing;

        @Override
        public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
            channel = ch;
            session = new StompServerSession(broker, config, "fx-" + IDS.incrementAndGet(),
                    () -> ch.execute(this::service), System.nanoTime());
        }

        @Override
        public void onText(byte[] utf8) {
            session.receive(ByteBuffer.wrap(utf8), System.nanoTime());
            service();
        }

        @Override
        public void onBinary(byte[] data) {
            if (faults.contains(Fault.TEXT_ONLY)) {
                return;
            }
            session.receive(ByteBuffer.wrap(data), System.nanoTime());
            service();
        }

        @Override
        public long tick(long nowNanos) {
            if (session == null || closing) {
                return Long.MAX_VALUE;
            }
            session.tick(nowNanos);
            service();
            return session.nextDeadlineNanos();
        }

        @Override
        public void onClosed(Event.Closed closed) {
            if (session != null) {
                session.transportClosed(System.nanoTime());
            }
        }

        private void service() {
            if (closing) {
                return;
            }
            session.pump(System.nanoTime(), Long.MAX_VALUE);
            for (OutboundMessage m : session.takeOutput()) {
                byte[] out = faulty(m);
                if (out != null) {
                    if (WebSocketPayload.isText(out) || faults.contains(Fault.ALL_AS_TEXT)) {
                        channel.sendText(out);
                    } else {
                        channel.sendBinary(out);
                    }
                }
            }
            if (session.shouldCloseTransport()) {
                closing = true;
                channel.close(CloseCode.NORMAL.code(), "STOMP session ended");
            }
        }

        /** The octets to send for {@code m}, after the fault; null to send nothing. */
        private byte[] faulty(OutboundMessage m) {
            if (m instanceof OutboundMessage.Frame f) {
                StompCommand c = f.frame().command();
                if (faults.contains(Fault.NO_RECEIPTS) && c == StompCommand.RECEIPT) {
                    return null;
                }
                if (faults.contains(Fault.MIS_ESCAPES) && c == StompCommand.MESSAGE) {
                    return unescaped(f.frame());
                }
                if (faults.contains(Fault.BODY_AS_STRING) && c == StompCommand.MESSAGE && !WebSocketPayload.isText(f.frame().body())) {
                    return StompEncoder.encode(f.frame().withBody(f.frame().bodyText()), StompVersion.V1_2);
                }
                return m.octets();
            }
            return faults.contains(Fault.NO_HEART_BEATS) ? null : m.octets();
        }
    }

    /** A frame with its headers written raw, as STOMP 1.0 would (no escapes). */
    private static byte[] unescaped(StompFrame f) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(f.command().name()).append('\n');
        for (StompHeader h : f.headers()) {
            head.append(h.name()).append(':').append(h.value()).append('\n');
        }
        b.writeBytes(head.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        b.writeBytes(f.body());
        b.write(0);
        return b.toByteArray();
    }
}
