package org.wslab.stomp.client;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.wslab.stomp.StompRule;
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

    /**
     * Why a {@link StompClient} call was refused at once, if it was for another reason than the
     * connection being over: a value the negotiated version cannot encode (STOMP 1.2 "Value
     * Encoding"), a MESSAGE lacking the id to acknowledge it by, NACK under 1.0. A call on a closed
     * connection ({@code NOT_CONNECTED}) and failures that come later (ERROR, close) are left to
     * {@link StompClient#closed()}.
     */
    public static Optional<StompViolation> refusal(CompletableFuture<?> call) {
        if (!call.isCompletedExceptionally()) {
            return Optional.empty();
        }
        Throwable why = call.handle((r, e) -> e).join();
        return why instanceof StompErrorException s && s.violation != null && s.error == null
                && s.violation.rule() != StompRule.NOT_CONNECTED ? Optional.of(s.violation) : Optional.empty();
    }
}
