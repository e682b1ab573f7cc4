package org.wslab.framing.engine;

import org.wslab.framing.codec.BoundedBuffer;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.framing.codec.Violation;
import org.wslab.framing.deflate.InflateOutcome;
import org.wslab.framing.deflate.MessageDecompressor;
import org.wslab.framing.text.Utf8Validator;

/**
 * Reassembles data frames into messages (RFC 6455 §5.4): a TEXT or BINARY frame starts a message,
 * CONTINUATION frames extend it, FIN ends it. Text is validated as UTF-8 as it arrives (§8.1,
 * failing at the first bad byte, 1007), the message limit holds for the reassembled and the
 * inflated size (1009), and compressed messages (RSV1 on the first frame, RFC 7692 §6.1) are
 * inflated frame by frame.
 */
final class MessageAssembler implements AutoCloseable {
    /** The result of one data frame. */
    sealed interface Step {
        /** The message goes on. */
        record Partial() implements Step {}

        /** A complete message. */
        record Message(Event event) implements Step {}

        /** A broken rule. */
        record Failed(ProtocolError error) implements Step {}
    }

    private static final Step PARTIAL = new Step.Partial();

    private final long maxMessage;
    private final MessageDecompressor decompressor;
    private final BoundedBuffer buffer;
    private final Utf8Validator utf8 = new Utf8Validator();
    private Opcode type;
    private boolean compressed;

    /** {@code decompressor} is null when permessage-deflate was not negotiated. */
    MessageAssembler(long maxMessage, MessageDecompressor decompressor) {
        this.maxMessage = maxMessage;
        this.decompressor = decompressor;
        this.buffer = new BoundedBuffer(maxMessage);
    }

    Step onDataFrame(Frame frame) {
        if (frame.opcode() == Opcode.CONTINUATION) {
            if (type == null) {
                return fail(Violation.UNEXPECTED_CONTINUATION, "CONTINUATION first");
            }
            if (frame.rsv1()) {
                return fail(Violation.COMPRESSED_CONTINUATION, "RSV1 on CONTINUATION");
            }
        } else {
            if (type != null) {
                return fail(Violation.EXPECTED_CONTINUATION, frame.opcode() + " inside a " + type + " message");
            }
            type = frame.opcode();
            compressed = frame.rsv1();
            utf8.reset();
            buffer.clear();
            if (frame.fin() && !compressed) {
                return whole(frame.payload());
            }
        }
        int before = buffer.size();
        if (compressed) {
            InflateOutcome r = decompressor.inflatePiece(frame.payload(), frame.fin(), buffer);
            if (r instanceof InflateOutcome.Refused refused) {
                return failed(refused.error());
            }
        } else if (!buffer.append(frame.payload(), 0, frame.length())) {
            return fail(Violation.MESSAGE_TOO_BIG, "more than " + maxMessage + " bytes");
        }
        if (type == Opcode.TEXT && utf8.feed(buffer.array(), before, buffer.size() - before) >= 0) {
            return fail(Violation.INVALID_UTF8, "byte " + utf8.failedAt() + " of the message");
        }
        if (!frame.fin()) {
            return PARTIAL;
        }
        return finish(buffer.take());
    }

    /** Whether a fragmented message is in progress. */
    boolean inMessage() {
        return type != null;
    }

    private Step whole(byte[] payload) {
        if (payload.length > maxMessage) {
            return fail(Violation.MESSAGE_TOO_BIG, payload.length + " bytes > " + maxMessage);
        }
        if (type == Opcode.TEXT && utf8.feed(payload, 0, payload.length) >= 0) {
            return fail(Violation.INVALID_UTF8, "byte " + utf8.failedAt() + " of the message");
        }
        return finish(payload);
    }

    private Step finish(byte[] message) {
        Opcode done = type;
        type = null;
        buffer.clear();
        if (done == Opcode.TEXT) {
            if (!utf8.finish()) {
                return fail(Violation.INVALID_UTF8, "message ends inside a UTF-8 sequence");
            }
            return new Step.Message(new Event.TextMessage(message));
        }
        return new Step.Message(new Event.BinaryMessage(message));
    }

    private Step fail(Violation v, String detail) {
        return failed(new ProtocolError(v, detail));
    }

    private Step failed(ProtocolError error) {
        type = null;
        buffer.clear();
        return new Step.Failed(error);
    }

    @Override
    public void close() {
        if (decompressor != null) {
            decompressor.close();
        }
    }
}
