package org.wslab.framing.deflate;

import org.wslab.framing.codec.ProtocolError;

/** What inflating a piece of a compressed message gives (RFC 7692 §7.2.2). */
public sealed interface InflateOutcome {
    /** The piece inflated within the limit. */
    record Inflated(int bytesAdded) implements InflateOutcome {}

    /** Too big (1009, counted while inflating) or not DEFLATE data (1002). */
    record Refused(ProtocolError error) implements InflateOutcome {}
}
