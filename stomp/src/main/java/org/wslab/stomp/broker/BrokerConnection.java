package org.wslab.stomp.broker;

import java.util.List;
import org.wslab.stomp.codec.StompHeader;

/**
 * One STOMP connection's view of a broker: the broker side of SEND, SUBSCRIBE, UNSUBSCRIBE, ACK and
 * NACK (STOMP 1.2 "Client Frames"). Transactions and receipts stay in the session, so a relay to an
 * external broker implements only this.
 *
 * <p>Nothing here returns a result or blocks: every operation carries the session's sequence number
 * {@code seq} (increasing), and what the broker decides comes back through the connection's
 * {@link Mailbox}: a {@link MailboxItem.Refused Refused(seq, violation)} for an operation it refuses
 * (cited against 1.2; the session re-cites it under the negotiated version), a
 * {@link MailboxItem.Confirmed Confirmed(seq)} once every operation up to {@code seq} is done when
 * the session asks ({@link #confirm}; what a held RECEIPT waits for, STOMP 1.2 "Header receipt"),
 * deliveries, and {@link MailboxItem.BrokerFailed} when the broker side is lost. Calls may come from
 * the session's thread only; implementations return at once.
 */
public interface BrokerConnection {
    /**
     * Starts a subscription. {@code prefetch} bounds the unacknowledged messages in flight for
     * {@code client} / {@code client-individual} modes (ignored for {@code auto}).
     */
    void subscribe(long seq, String subscriptionId, String destination, AckMode mode, int prefetch);

    /** Ends a subscription; its unacknowledged queue messages go back to the queue. */
    void unsubscribe(long seq, String subscriptionId);

    /** Publishes a message: fan-out for {@code /topic/…}, one consumer for {@code /queue/…}. */
    void send(long seq, String destination, List<StompHeader> headers, byte[] body);

    /** Acknowledges (cumulatively in {@code client} mode). Unknown ids are refused. */
    void ack(long seq, String messageId);

    /** Refuses a message (cumulatively in {@code client} mode); it is delivered again. */
    void nack(long seq, String messageId);

    /** Posts {@link MailboxItem.Confirmed Confirmed(seq)} once everything handed over before is done. */
    void confirm(long seq);

    /** The connection ended: subscriptions end, unacknowledged messages are redelivered. */
    void close();
}
