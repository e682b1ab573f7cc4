package org.wslab.stomp.broker;

import java.util.List;
import org.wslab.stomp.codec.StompHeader;

/**
 * One message handed to one subscription (becomes a MESSAGE frame, STOMP 1.2 "MESSAGE").
 *
 * @param subscriptionId the SUBSCRIBE {@code id} it is for
 * @param messageId      unique per delivery; also the ACK/NACK id (1.2 {@code ack} header)
 * @param destination    where it was sent
 * @param headers        the sender's own headers (not destination, transaction, receipt, content-length)
 * @param body           body octets (shared, do not modify)
 * @param ackMode        the subscription's mode, so the MESSAGE can carry an {@code ack} header
 * @param redelivered    true when it was NACKed or left unacknowledged before
 */
public record Delivery(String subscriptionId, String messageId, String destination, List<StompHeader> headers,
                       byte[] body, AckMode ackMode, boolean redelivered) {
}
