package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.deflate.MessageCompressor;

/**
 * The sending half of a connection: encodes frames for our role (masking as a client, §5.3),
 * compresses data messages when permessage-deflate is on (RSV1 on the first frame only,
 * RFC 7692 §6.1; control frames never), tracks a fragmented message in progress (§5.4) and
 * queues the bytes for the transport.
 */
final class OutboundFrames implements AutoCloseable {
    private final FrameEncoder encoder;
    private final FrameListener listener;
    private final List<ByteBuffer> queue = new ArrayList<>();
    private long queuedBytes;
    private MessageCompressor compressor;
    private Opcode messageType;

    OutboundFrames(FrameEncoder encoder, FrameListener listener) {
        this.encoder = encoder;
        this.listener = listener;
    }

    Role role() {
        return encoder.role();
    }

    void enableCompression(MessageCompressor c) {
        this.compressor = c;
    }

    /** Queues raw bytes (a handshake request or response). */
    void queueRaw(byte[] bytes) {
        if (bytes.length > 0) {
            enqueue(ByteBuffer.wrap(bytes));
        }
    }

    /** Queues one control frame (§5.5). */
    void control(Opcode opcode, byte[] payload) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("control payload over 125 bytes (RFC 6455 §5.5): " + payload.length);
        }
        write(true, 0, opcode, payload);
    }

    /** Whether a fragmented message has been started and not finished. */
    boolean inMessage() {
        return messageType != null;
    }

    /**
     * Queues the next fragment of a message of {@code type} (TEXT or BINARY); {@code fin} ends it.
     * The first call starts the message.
     */
    void fragment(Opcode type, byte[] piece, boolean fin) {
        if (!type.startsMessage()) {
            throw new IllegalArgumentException("a message is TEXT or BINARY, not " + type);
        }
        if (messageType != null && messageType != type) {
            throw new IllegalStateException("a " + messageType + " message is in progress (RFC 6455 §5.4)");
        }
        boolean first = messageType == null;
        Opcode opcode = first ? type : Opcode.CONTINUATION;
        byte[] payload = piece;
        int rsv = 0;
        if (compressor != null) {
            payload = compressor.compressPiece(piece, 0, piece.length, fin);
            rsv = first ? Frame.RSV1 : 0;
        }
        write(fin, rsv, opcode, payload);
        messageType = fin ? null : type;
    }

    /** Encodes straight from the fields; a {@link Frame} is built only for a listener that sees it. */
    private void write(boolean fin, int rsv, Opcode opcode, byte[] payload) {
        boolean masked = encoder.role().masksOutgoing();
        int key = encoder.nextMaskKey();
        if (listener != FrameListener.NONE) {
            listener.onFrame(FrameListener.Direction.SENT, new Frame(fin, rsv, opcode, masked, key, payload));
        }
        enqueue(ByteBuffer.wrap(FrameEncoder.write(fin, rsv, opcode, masked, key, payload)));
    }

    private void enqueue(ByteBuffer bytes) {
        queue.add(bytes);
        queuedBytes += bytes.remaining();
    }

    long queuedBytes() {
        return queuedBytes;
    }

    boolean hasOutput() {
        return !queue.isEmpty();
    }

    List<ByteBuffer> take() {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<ByteBuffer> out = new ArrayList<>(queue);
        queue.clear();
        queuedBytes = 0;
        return out;
    }

    @Override
    public void close() {
        if (compressor != null) {
            compressor.close();
        }
    }
}
