package org.wslab.stomp.client;

import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompFrame;

/**
 * Completes a client's futures exceptionally when the connection ends in an ERROR frame from the
 * server (STOMP 1.2 "ERROR"), a local violation, or a transport close.
 */
public final class StompErrorException extends RuntimeException {
    private final transient StompFrame error;
    private final transient StompViolation violation;

    public StompErrorException(String message, StompFrame error, StompViolation violation) {
        super(message);
        this.error = error;
        this.violation = violation;
    }

    /** The server's ERROR frame, or null. */
    public StompFrame error() {
        return error;
    }

    /** The rule this side found broken, or null. */
    public StompViolation violation() {
        return violation;
    }
}
