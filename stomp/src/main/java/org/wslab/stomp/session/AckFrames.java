package org.wslab.stomp.session;

import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.StompVersion;

/**
 * The ACK or NACK a client sends for a received MESSAGE, with the headers its version names
 * (STOMP 1.0 "ACK": {@code message-id}; 1.1 "ACK": {@code message-id} + {@code subscription};
 * 1.2 "ACK": {@code id} = the MESSAGE's {@code ack} header). A MESSAGE lacking the header the
 * version needs, or NACK under 1.0, is a refusal; whether the values can be encoded is checked
 * by the caller when the frame is written.
 */
final class AckFrames {
    private AckFrames() {}

    /** The frame, or the violation explaining why there is none. */
    sealed interface Built {}

    record Frame(StompFrame frame) implements Built {}

    record Refused(StompViolation violation) implements Built {}

    static Built build(StompCommand command, StompFrame message, String transaction, StompVersion version) {
        if (command == StompCommand.NACK && version == StompVersion.V1_0) {
            return new Refused(new StompViolation(StompRule.NACK_IN_1_0, version, "NACK under 1.0"));
        }
        String messageId = message.header("message-id");
        StompFrame f;
        switch (version) {
            case V1_0 -> {
                if (messageId == null) {
                    return missing("message-id", version);
                }
                f = StompFrame.of(command, "message-id", messageId);
            }
            case V1_1 -> {
                String subscription = message.header("subscription");
                if (messageId == null || subscription == null) {
                    return missing(messageId == null ? "message-id" : "subscription", version);
                }
                f = StompFrame.of(command, "message-id", messageId, "subscription", subscription);
            }
            default -> {
                // a 1.2 server names the ack id in "ack"; one that omits it (auto mode) is answered with message-id
                String id = message.header("ack", messageId);
                if (id == null) {
                    return missing("ack", version);
                }
                f = StompFrame.of(command, "id", id);
            }
        }
        return new Frame(transaction == null ? f : f.withHeader("transaction", transaction));
    }

    private static Built missing(String header, StompVersion version) {
        return new Refused(new StompViolation(StompRule.MISSING_HEADER, version,
                "the MESSAGE has no " + header + " header to acknowledge it by"));
    }
}
