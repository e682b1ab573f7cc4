package org.wslab.stomp.broker;

import java.util.List;
import org.wslab.stomp.codec.StompHeader;
import org.wslab.stomp.runtime.SerialExecutor;

/**
 * The lab's broker, in memory (STOMP 1.2 leaves destination semantics to the server; these are
 * wslab's): {@code /topic/…} fans each message out to every subscription in publish order;
 * {@code /queue/…} gives each message to exactly one consumer, round robin, and keeps messages
 * while a queue has none. Unacknowledged messages of {@code client} and {@code client-individual}
 * subscriptions are tracked, at most {@code prefetch} of them per subscription; a NACK or a
 * disconnect sends them again (queue messages back to the queue's head, topic messages to the same
 * subscription on NACK). What it may retain is bounded by {@link BrokerLimits}.
 *
 * <p>Threads: a single-threaded state machine ({@link BrokerState}) behind a {@link SerialExecutor}:
 * any number of sessions call in from their own threads, nobody waits, and the broker only posts
 * into connections' {@link Mailbox}es (never a socket, never a lock). The read-outs
 * ({@link #backlog}, {@link #retainedBytes}, {@link #destinations}) are for tests and status pages
 * and are exact only while no call is running.
 */
public final class InMemoryBroker implements StompBroker {
    private final SerialExecutor serial = new SerialExecutor();
    private final BrokerState state;

    /** A broker with {@link BrokerLimits#DEFAULT}. */
    public InMemoryBroker() {
        this(BrokerLimits.DEFAULT);
    }

    /** A broker holding at most {@code maxQueued} undelivered messages per queue, other limits default. */
    public InMemoryBroker(int maxQueued) {
        this(BrokerLimits.DEFAULT.withMaxQueuedMessages(maxQueued));
    }

    /** A broker within {@code limits}. */
    public InMemoryBroker(BrokerLimits limits) {
        this.state = new BrokerState(limits);
    }

    @Override
    public BrokerConnection connect(String sessionId, Mailbox mailbox) {
        return new Connection(new ConnectionState(sessionId, mailbox));
    }

    /** Messages waiting in {@code queue} for a consumer. */
    public int backlog(String queue) {
        return state.backlog(queue);
    }

    /** Body octets the broker holds (queue backlogs and prefetch backlogs). */
    public long retainedBytes() {
        return state.retainedBytes();
    }

    /** Topics and queues that exist now. */
    public int destinations() {
        return state.destinations();
    }

    private final class Connection implements BrokerConnection {
        private final ConnectionState conn;

        Connection(ConnectionState conn) {
            this.conn = conn;
        }

        @Override
        public void subscribe(long seq, String subscriptionId, String destination, AckMode mode, int prefetch) {
            serial.execute(() -> state.subscribe(conn, seq, subscriptionId, destination, mode, prefetch));
        }

        @Override
        public void unsubscribe(long seq, String subscriptionId) {
            serial.execute(() -> state.unsubscribe(conn, seq, subscriptionId));
        }

        @Override
        public void send(long seq, String destination, List<StompHeader> headers, byte[] body) {
            serial.execute(() -> state.send(conn, seq, destination, headers, body));
        }

        @Override
        public void ack(long seq, String messageId) {
            serial.execute(() -> state.ack(conn, seq, messageId, false));
        }

        @Override
        public void nack(long seq, String messageId) {
            serial.execute(() -> state.ack(conn, seq, messageId, true));
        }

        @Override
        public void confirm(long seq) {
            serial.execute(() -> conn.mailbox.post(new MailboxItem.Confirmed(seq)));
        }

        @Override
        public void close() {
            serial.execute(() -> state.close(conn));
        }
    }
}
