package org.wslab.stomp.session;

import java.util.Optional;
import org.wslab.stomp.StompViolation;

/**
 * The result of a {@link StompClientSession} call that writes a frame (STOMP 1.2 "Client Frames"):
 * written, or refused with the rule that forbids it — never an exception.
 */
public sealed interface ClientCall {
    /**
     * The frame is in {@link StompClientSession#takeOutput()}.
     *
     * @param receiptId the {@code receipt} header it carries (STOMP 1.2 "Header receipt"), empty without one
     */
    record Sent(Optional<String> receiptId) implements ClientCall {}

    /** Nothing was written: not allowed in the session's state, or a value the negotiated version cannot encode. */
    record Refused(StompViolation violation) implements ClientCall {}

    /** Whether the frame was written. */
    default boolean sent() {
        return this instanceof Sent;
    }
}
