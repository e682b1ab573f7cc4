package org.wslab.stomp.broker;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompHeader;

/**
 * One STOMP connection's view of a broker: the broker side of SEND, SUBSCRIBE, UNSUBSCRIBE, ACK and
 * NACK (STOMP 1.2 "Client Frames"). Transactions and receipts stay in the session, so a relay to an
 * external broker implements only this. Refusals are violations (cited against 1.2; the session
 * re-cites them under the negotiated version).
 */
public interface BrokerConnection {
    /** Starts a subscription; a second one with the same id is refused. */
    Optional<StompViolation> subscribe(String subscriptionId, String destination, AckMode mode);

    /** Ends a subscription; its unacknowledged queue messages go back to the queue. */
    Optional<StompViolation> unsubscribe(String subscriptionId);

    /** Publishes a message: fan-out for {@code /topic/…}, one consumer for {@code /queue/…}. */
    Optional<StompViolation> send(String destination, List<StompHeader> headers, byte[] body);

    /** True when {@code messageId} is delivered to this connection and not yet acknowledged. */
    boolean isPending(String messageId);

    /** Acknowledges (cumulatively in {@code client} mode). Unknown ids are refused. */
    Optional<StompViolation> ack(String messageId);

    /** Refuses a message (cumulatively in {@code client} mode); it is delivered again. */
    Optional<StompViolation> nack(String messageId);

    /**
     * Completes once the broker has confirmed everything this connection handed it so far. The
     * session holds the RECEIPT of a frame (STOMP 1.2 "Header receipt") until then, in frame order;
     * an exceptional completion sends no RECEIPT (the broker fails the session through
     * {@link DeliveryTarget#brokerFailed}). An in-memory broker confirms at once (the default); a
     * relay completes it when the upstream broker's own RECEIPTs arrive.
     */
    default CompletableFuture<Void> confirmed() {
        return CompletableFuture.completedFuture(null);
    }

    /** The connection ended: subscriptions end, unacknowledged messages are redelivered. */
    void close();
}
