package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import java.util.List;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.framing.codec.Violation;

/**
 * The receiving half of an open connection: decodes frames (§5.2), answers a ping with a pong
 * while OPEN (§5.5.2), reports pongs (§5.5.3), hands a close frame to the {@link ClosingHandshake}
 * (§5.5.1), reassembles data messages with control frames between their fragments (§5.4,
 * RFC 7692 for compressed ones), and turns every protocol error, a compressed control frame
 * included (RFC 7692 §6.1), into the failure's {@link Event.Closed} (§7.1.7).
 */
final class InboundFrames implements AutoCloseable {
    private final FrameDecoder decoder;
    private final MessageAssembler assembler;
    private final OutboundFrames out;
    private final ClosingHandshake closing;
    private final FrameListener listener;

    InboundFrames(OpenPipeline pipeline, OutboundFrames out, ClosingHandshake closing, FrameListener listener) {
        this.decoder = pipeline.decoder();
        this.assembler = pipeline.assembler();
        this.out = out;
        this.closing = closing;
        this.listener = listener;
    }

    /**
     * Decodes what {@code in} completes, adding the events in order; returns the {@link Event.Closed}
     * that ends the connection (the closing handshake finished, or a failure), or null when it needs
     * more bytes. {@code open}: the connection is OPEN (not CLOSING), so it may still send.
     * {@code oneMessage}: stop after the first whole data message when bytes remain, leaving them
     * in {@code in} for the next call.
     */
    Event.Closed receive(ByteBuffer in, boolean open, List<Event> events, boolean oneMessage) {
        while (true) {
            DecodeResult r = decoder.decode(in);
            if (r instanceof DecodeResult.Decoded d) {
                listener.onFrame(FrameListener.Direction.RECEIVED, d.frame());
                int before = events.size();
                Event.Closed closed = onFrame(d.frame(), open, events);
                if (closed != null) {
                    return closed;
                }
                if (oneMessage && in.hasRemaining() && events.size() > before
                        && (events.get(before) instanceof Event.TextMessage || events.get(before) instanceof Event.BinaryMessage)) {
                    return null;
                }
            } else if (r instanceof DecodeResult.Failed f) {
                return closing.fail(f.error(), open);
            } else {
                return null;
            }
        }
    }

    private Event.Closed onFrame(Frame frame, boolean open, List<Event> events) {
        Opcode op = frame.opcode();
        if (op.isControl() && frame.rsv1()) {
            return closing.fail(new ProtocolError(Violation.COMPRESSED_CONTROL, op + " with RSV1"), open);
        }
        switch (op) {
            case PING -> {
                events.add(new Event.PingReceived(frame.payload()));
                if (open) {
                    out.control(Opcode.PONG, frame.payload());
                }
            }
            case PONG -> events.add(new Event.PongReceived(frame.payload()));
            case CLOSE -> {
                return closing.received(frame.payload(), open);
            }
            default -> {
                MessageAssembler.Step step = assembler.onDataFrame(frame);
                if (step instanceof MessageAssembler.Step.Message m) {
                    events.add(m.event());
                } else if (step instanceof MessageAssembler.Step.Failed f) {
                    return closing.fail(f.error(), open);
                }
            }
        }
        return null;
    }

    /** Frees the assembler's native inflater state. */
    @Override
    public void close() {
        assembler.close();
    }
}
