package org.wslab.stomp.session;

import java.util.List;
import org.wslab.stomp.codec.StompHeader;

/**
 * A SEND, ACK or NACK held inside a transaction until COMMIT (STOMP 1.2 "BEGIN", "COMMIT"):
 * nothing reaches the broker before, and ABORT or a disconnect drops them all.
 */
sealed interface TransactionOp {
    /** A held SEND. */
    record Send(String destination, List<StompHeader> headers, byte[] body) implements TransactionOp {}

    /** A held ACK. */
    record Ack(String messageId) implements TransactionOp {}

    /** A held NACK. */
    record Nack(String messageId) implements TransactionOp {}
}
