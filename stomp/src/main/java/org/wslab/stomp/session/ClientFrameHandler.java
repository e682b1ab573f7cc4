package org.wslab.stomp.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;
import org.wslab.stomp.StompVersion;

/**
 * The client frames of a connected session (STOMP 1.2 "Client Frames"): SEND, SUBSCRIBE,
 * UNSUBSCRIBE, ACK and NACK with the headers each version requires (1.0 {@code message-id};
 * 1.1 {@code message-id} + {@code subscription}; 1.2 {@code id}), and BEGIN / COMMIT / ABORT,
 * holding a transaction's SENDs and ACKs until COMMIT, all within {@link SessionLimits}. Not
 * thread-safe: the session serialises.
 */
final class ClientFrameHandler {
    private final BrokerConnection connection;
    private final StompVersion version;
    /** A transaction's held frames and the body octets they hold. */
    private static final class OpenTransaction {
        final List<TransactionOp> ops = new ArrayList<>();
        long bytes;
    }

    private final SessionLimits limits;
    private final Map<String, OpenTransaction> transactions = new HashMap<>();
    private final Set<String> subscriptions = new HashSet<>();
    private final int defaultPrefetch;
    /** The operation number of the frame being handled (what the broker's refusals and confirmations name). */
    private long seq;

    ClientFrameHandler(BrokerConnection connection, StompVersion version, SessionLimits limits, int defaultPrefetch) {
        this.connection = connection;
        this.version = version;
        this.limits = limits;
        this.defaultPrefetch = defaultPrefetch;
    }

    /** True while the client has a subscription with this id. */
    boolean hasSubscription(String id) {
        return subscriptions.contains(id);
    }

    /**
     * Handles one client frame other than CONNECT, STOMP and DISCONNECT, numbered {@code op} for the
     * broker. What the session can tell at once is returned; what only the broker knows (an unknown
     * ack id, a full queue) comes back through the mailbox as {@code Refused(op)}.
     */
    Optional<StompViolation> handle(StompFrame f, long op) {
        this.seq = op;
        switch (f.command()) {
            case SEND:
                return onSend(f);
            case SUBSCRIBE:
                return onSubscribe(f);
            case UNSUBSCRIBE: {
                String id = f.header("id", version == StompVersion.V1_0 ? f.header("destination") : null);
                if (id == null) {
                    return missing("UNSUBSCRIBE", "id");
                }
                if (!subscriptions.remove(id)) {
                    return violation(StompRule.UNKNOWN_SUBSCRIPTION, "subscription id \"" + id + "\"");
                }
                connection.unsubscribe(seq, id);
                return Optional.empty();
            }
            case ACK, NACK:
                return onAck(f);
            case BEGIN: {
                String tx = f.header("transaction");
                if (tx == null) {
                    return missing("BEGIN", "transaction");
                }
                if (transactions.containsKey(tx)) {
                    return violation(StompRule.DUPLICATE_TRANSACTION, "transaction \"" + tx + "\"");
                }
                if (transactions.size() >= limits.maxTransactions()) {
                    return violation(StompRule.TOO_MANY_TRANSACTIONS, "more than " + limits.maxTransactions()
                            + " open transactions (\"" + tx + "\")");
                }
                transactions.put(tx, new OpenTransaction());
                return Optional.empty();
            }
            case COMMIT:
                return onCommit(f);
            case ABORT: {
                String tx = f.header("transaction");
                if (tx == null) {
                    return missing("ABORT", "transaction");
                }
                return transactions.remove(tx) == null ? unknownTx(tx) : Optional.empty();
            }
            default:
                return violation(StompRule.WRONG_DIRECTION, f.command() + " is not handled here");
        }
    }

    /** The connection ended: open transactions abort (STOMP 1.2 "DISCONNECT"), the broker side closes. */
    void close() {
        transactions.clear();
        connection.close();
    }

    private Optional<StompViolation> onSend(StompFrame f) {
        String destination = f.header("destination");
        if (destination == null) {
            return missing("SEND", "destination");
        }
        List<StompHeader> own = new ArrayList<>();
        for (StompHeader h : f.headers()) {
            switch (h.name()) {
                case "destination", "transaction", "receipt", "content-length" -> { }
                default -> own.add(h);
            }
        }
        String tx = f.header("transaction");
        if (tx != null) {
            return hold(tx, new TransactionOp.Send(destination, own, f.body()), f.body().length);
        }
        connection.send(seq, destination, own, f.body());
        return Optional.empty();
    }

    private Optional<StompViolation> onSubscribe(StompFrame f) {
        String destination = f.header("destination");
        if (destination == null) {
            return missing("SUBSCRIBE", "destination");
        }
        String id = f.header("id", version == StompVersion.V1_0 ? destination : null);
        if (id == null) {
            return missing("SUBSCRIBE", "id");
        }
        AckMode mode = AckMode.fromHeader(f.header("ack"));
        if (mode == null || (mode == AckMode.CLIENT_INDIVIDUAL && version == StompVersion.V1_0)) {
            return violation(StompRule.INVALID_ACK_MODE, "ack \"" + f.header("ack") + "\"");
        }
        if (subscriptions.contains(id)) {
            return violation(StompRule.DUPLICATE_SUBSCRIPTION, "subscription id \"" + id + "\"");
        }
        if (subscriptions.size() >= limits.maxSubscriptions()) {
            return violation(StompRule.TOO_MANY_SUBSCRIPTIONS, "more than " + limits.maxSubscriptions()
                    + " subscriptions (id \"" + id + "\")");
        }
        // values echoed in every MESSAGE are checked now, under this version (STOMP 1.2 "Value Encoding")
        Optional<StompViolation> echo = StompEncoder.check(StompFrame.of(StompCommand.MESSAGE,
                "destination", destination, "subscription", id), version);
        if (echo.isPresent()) {
            return echo;
        }
        String prefetchHeader = f.header(PREFETCH_HEADER);
        int prefetch = prefetchHeader == null ? defaultPrefetch : parsePrefetch(prefetchHeader);
        if (prefetch < 1) {
            return violation(StompRule.INVALID_PREFETCH, PREFETCH_HEADER + " \"" + prefetchHeader + "\"");
        }
        subscriptions.add(id);
        connection.subscribe(seq, id, destination, mode, prefetch);
        return Optional.empty();
    }

    private Optional<StompViolation> onAck(StompFrame f) {
        boolean nack = f.command() == StompCommand.NACK;
        if (nack && version == StompVersion.V1_0) {
            return violation(StompRule.NACK_IN_1_0, "NACK under STOMP 1.0");
        }
        String idHeader = version == StompVersion.V1_2 ? "id" : "message-id";
        String id = f.header(idHeader);
        if (id == null) {
            return missing(f.command().name(), idHeader);
        }
        if (version == StompVersion.V1_1 && f.header("subscription") == null) {
            return missing(f.command().name(), "subscription");
        }
        String tx = f.header("transaction");
        if (tx != null) {
            return hold(tx, nack ? new TransactionOp.Nack(id) : new TransactionOp.Ack(id), 0);
        }
        if (nack) {
            connection.nack(seq, id);
        } else {
            connection.ack(seq, id);
        }
        return Optional.empty();
    }

    private Optional<StompViolation> onCommit(StompFrame f) {
        String tx = f.header("transaction");
        if (tx == null) {
            return missing("COMMIT", "transaction");
        }
        OpenTransaction open = transactions.remove(tx);
        if (open == null) {
            return unknownTx(tx);
        }
        for (TransactionOp op : open.ops) { // all under COMMIT's number: a refusal names COMMIT's receipt
            if (op instanceof TransactionOp.Send s) {
                connection.send(seq, s.destination(), s.headers(), s.body());
            } else if (op instanceof TransactionOp.Ack a) {
                connection.ack(seq, a.messageId());
            } else if (op instanceof TransactionOp.Nack n) {
                connection.nack(seq, n.messageId());
            }
        }
        return Optional.empty();
    }

    /** Holds {@code op} in transaction {@code tx} until COMMIT, within the transaction limits. */
    private Optional<StompViolation> hold(String tx, TransactionOp op, int bodyBytes) {
        OpenTransaction open = transactions.get(tx);
        if (open == null) {
            return unknownTx(tx);
        }
        if (open.ops.size() >= limits.maxTransactionFrames() || open.bytes + bodyBytes > limits.maxTransactionBytes()) {
            return violation(StompRule.TRANSACTION_TOO_LARGE, "transaction \"" + tx + "\" would hold "
                    + (open.ops.size() + 1) + " frames and " + (open.bytes + bodyBytes) + " body octets (limits "
                    + limits.maxTransactionFrames() + " and " + limits.maxTransactionBytes() + ")");
        }
        open.ops.add(op);
        open.bytes += bodyBytes;
        return Optional.empty();
    }

    private Optional<StompViolation> violation(StompRule rule, String detail) {
        return Optional.of(new StompViolation(rule, version, detail));
    }

    private Optional<StompViolation> missing(String command, String header) {
        return violation(StompRule.MISSING_HEADER, command + " needs a \"" + header + "\" header");
    }

    private Optional<StompViolation> unknownTx(String tx) {
        return violation(StompRule.UNKNOWN_TRANSACTION, "transaction \"" + tx + "\"");
    }

    /** The SUBSCRIBE header naming the prefetch window (RabbitMQ's spelling; wslab policy). */
    static final String PREFETCH_HEADER = "prefetch-count";

    /** A positive decimal up to {@link StompServerConfig#MAX_PREFETCH}, else 0. */
    private static int parsePrefetch(String v) {
        if (v.isEmpty() || v.length() > 9) {
            return 0;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return 0;
            }
        }
        int n = Integer.parseInt(v);
        return n <= StompServerConfig.MAX_PREFETCH ? n : 0;
    }
}
