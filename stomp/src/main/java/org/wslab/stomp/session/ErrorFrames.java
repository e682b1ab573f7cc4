package org.wslab.stomp.session;

import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;

/**
 * Builds the ERROR frame for a violation (STOMP 1.2 "ERROR"): {@code message} names the rule and
 * its section, {@code receipt-id} echoes the offending frame's {@code receipt}, the body gives the
 * detail; for no common version, {@code version} lists what the server supports.
 */
public final class ErrorFrames {
    private ErrorFrames() {}

    /** The ERROR frame for {@code violation}; {@code receipt} and {@code versions} may be null. */
    public static StompFrame of(StompViolation violation, String receipt, String versions) {
        StompFrame f = StompFrame.of(StompCommand.ERROR, "message", violation.message());
        if (receipt != null) {
            f = f.withHeader("receipt-id", receipt);
        }
        if (violation.rule() == StompRule.NO_COMMON_VERSION && versions != null) {
            f = f.withHeader("version", versions);
        }
        return f.withHeader("content-type", "text/plain")
                .withBody(violation.detail() + "\n" + violation.citation() + " [" + violation.rule() + "]\n");
    }
}
