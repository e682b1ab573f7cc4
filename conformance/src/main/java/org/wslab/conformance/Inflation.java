package org.wslab.conformance;

import org.wslab.framing.codec.BoundedBuffer;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.deflate.InflateOutcome;
import org.wslab.framing.deflate.MessageDecompressor;

/**
 * The {@link Judge}'s side of permessage-deflate: inflates each compressed message the server
 * sends (RFC 7692 §7.2.2, the sync-flush tail appended) with framing's {@link MessageDecompressor},
 * whose context resets per message when the server agreed {@code server_no_context_takeover}
 * (§7.1.1.1), so a server that promised it and still refers back fails to inflate. Counts them.
 */
final class Inflation {
    /** The most a compressed message of the server's may inflate to: above every case's largest message. */
    static final long LIMIT = 64L << 20;

    private final MessageDecompressor decompressor;
    private int messages;

    Inflation(MessageDecompressor decompressor) {
        this.decompressor = decompressor;
    }

    /**
     * The inflated message, or why it is broken.
     *
     * @param inflated the message's bytes, null when broken
     * @param problem  what breaks RFC 7692, null when inflated
     */
    record Outcome(byte[] inflated, String problem) {}

    /** Inflates one whole compressed message's payload. */
    Outcome inflate(Opcode opcode, byte[] payload) {
        BoundedBuffer into = new BoundedBuffer(LIMIT);
        if (decompressor.inflate(payload, into) instanceof InflateOutcome.Refused refused) {
            return new Outcome(null, "a compressed " + opcode + " message of " + payload.length
                    + " bytes that does not inflate (RFC 7692 §7.2.2): " + refused.error());
        }
        messages++;
        return new Outcome(into.toByteArray(), null);
    }

    /** How many messages inflated. */
    int messages() {
        return messages;
    }
}
