package org.wslab.framing.deflate;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.wslab.framing.codec.BoundedBuffer;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.framing.codec.Violation;

/**
 * The receiving side of permessage-deflate (RFC 7692 §7.2.2): inflate each frame's payload as it
 * arrives and, after the last one, the {@code 00 00 ff ff} the sender removed. Output goes into a
 * {@link BoundedBuffer}, so the message limit is enforced <em>while</em> inflating: a
 * decompression bomb stops at the limit with 1009 instead of filling memory (§8.1, RFC 6455 §10.4).
 */
public final class MessageDecompressor implements AutoCloseable {
    private final Inflater inflater = new Inflater(true);
    private final boolean noContextTakeover;
    private final byte[] chunk = new byte[16 * 1024];

    /** A decompressor; {@code noContextTakeover} when the sender resets its window per message. */
    public MessageDecompressor(boolean noContextTakeover) {
        this.noContextTakeover = noContextTakeover;
    }

    /** Inflates a whole single-frame message. */
    public InflateOutcome inflate(byte[] payload, BoundedBuffer into) {
        return inflatePiece(payload, true, into);
    }

    /** Inflates the next frame payload of a message; {@code last} appends the sync-flush tail. */
    public InflateOutcome inflatePiece(byte[] payload, boolean last, BoundedBuffer into) {
        int before = into.size();
        ProtocolError error = run(payload, into);
        if (error == null && last) {
            error = run(MessageCompressor.TAIL, into);
        }
        if (error != null) {
            inflater.reset();
            return new InflateOutcome.Refused(error);
        }
        if (last && (noContextTakeover || inflater.finished())) {
            // a BFINAL block (§7.2.3.4) ends the DEFLATE stream; the next message starts afresh
            inflater.reset();
        }
        return new InflateOutcome.Inflated(into.size() - before);
    }

    private ProtocolError run(byte[] input, BoundedBuffer into) {
        if (inflater.finished()) {
            return null; // bytes after a final block carry nothing (§7.2.3.4)
        }
        inflater.setInput(input);
        try {
            while (true) {
                int n = inflater.inflate(chunk);
                if (n > 0 && !into.append(chunk, 0, n)) {
                    return new ProtocolError(Violation.INFLATED_TOO_BIG,
                            "inflated past " + into.limit() + " bytes");
                }
                if (n == 0) {
                    if (inflater.finished() || inflater.needsInput()) {
                        return null;
                    }
                    // a preset dictionary (or, defensively, any stall) can never complete: fail
                    // rather than spin, so no input can hang the connection
                    return new ProtocolError(Violation.INVALID_DEFLATE_DATA, inflater.needsDictionary()
                            ? "preset dictionary requested" : "the inflater made no progress");
                }
            }
        } catch (DataFormatException e) {
            return new ProtocolError(Violation.INVALID_DEFLATE_DATA, String.valueOf(e.getMessage()));
        }
    }

    /** Releases the native zlib state. */
    @Override
    public void close() {
        inflater.end();
    }
}
