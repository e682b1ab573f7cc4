package org.wslab.stomp.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;
import org.wslab.stomp.codec.StompVersion;

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
    private int subscriptions;

    ClientFrameHandler(BrokerConnection connection, StompVersion version, SessionLimits limits) {
        this.connection = connection;
        this.version = version;
        this.limits = limits;
    }

    /** Handles one client frame other than CONNECT, STOMP and DISCONNECT. */
    Optional<StompViolation> handle(StompFrame f) {
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
                Optional<StompViolation> v = recite(connection.unsubscribe(id));
                if (v.isEmpty()) {
                    subscriptions--;
                }
                return v;
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
        return recite(connection.send(destination, own, f.body()));
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
        if (subscriptions >= limits.maxSubscriptions()) {
            return violation(StompRule.TOO_MANY_SUBSCRIPTIONS, "more than " + limits.maxSubscriptions()
                    + " subscriptions (id \"" + id + "\")");
        }
        Optional<StompViolation> v = recite(connection.subscribe(id, destination, mode));
        if (v.isEmpty()) {
            subscriptions++;
        }
        return v;
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
            if (transactions.containsKey(tx) && !connection.isPending(id)) {
                return violation(StompRule.UNKNOWN_ACK_ID, idHeader + " \"" + id + "\"");
            }
            return hold(tx, nack ? new TransactionOp.Nack(id) : new TransactionOp.Ack(id), 0);
        }
        return recite(nack ? connection.nack(id) : connection.ack(id));
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
        for (TransactionOp op : open.ops) {
            Optional<StompViolation> v;
            if (op instanceof TransactionOp.Send s) {
                v = connection.send(s.destination(), s.headers(), s.body());
            } else if (op instanceof TransactionOp.Ack a) {
                v = connection.ack(a.messageId());
            } else {
                v = connection.nack(((TransactionOp.Nack) op).messageId());
            }
            if (v.isPresent()) {
                return recite(v);
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

    private Optional<StompViolation> recite(Optional<StompViolation> v) {
        return v.map(x -> new StompViolation(x.rule(), version, x.detail()));
    }
}
