package org.wslab.stomp.session;

/**
 * What one client session may hold on the server at once (wslab policy; STOMP 1.2 "Size Limits"
 * bounds frames, these bound what frames accumulate). Crossing one of the first four is an ERROR
 * naming {@link org.wslab.stomp.StompRule#TOO_MANY_SUBSCRIPTIONS},
 * {@link org.wslab.stomp.StompRule#TOO_MANY_TRANSACTIONS} or
 * {@link org.wslab.stomp.StompRule#TRANSACTION_TOO_LARGE}, then close. Held receipts are flow
 * control instead: at the limit the session's {@code readPaused()} is true until the broker confirms.
 *
 * @param maxSubscriptions     active subscriptions (default 256)
 * @param maxTransactions      open transactions, BEGIN without COMMIT/ABORT yet (default 16)
 * @param maxTransactionFrames SENDs, ACKs and NACKs held in one transaction until COMMIT (default 1000)
 * @param maxTransactionBytes  body octets of the SENDs held in one transaction (default 4 MiB)
 * @param maxHeldReceipts      RECEIPTs waiting for the broker's confirmation before reading pauses (default 1000)
 */
public record SessionLimits(int maxSubscriptions, int maxTransactions, int maxTransactionFrames,
                            long maxTransactionBytes, int maxHeldReceipts) {
    /** 1000 receipts waiting for the broker before the session stops reading. */
    public static final int DEFAULT_MAX_HELD_RECEIPTS = 1000;

    /** 256 subscriptions, 16 transactions of at most 1000 frames and 4 MiB of bodies each, 1000 held receipts. */
    public static final SessionLimits DEFAULT = new SessionLimits(256, 16, 1000, 4L * 1024 * 1024);

    public SessionLimits {
        if (maxSubscriptions < 1 || maxTransactions < 1 || maxTransactionFrames < 1 || maxTransactionBytes < 0
                || maxHeldReceipts < 1) {
            throw new IllegalArgumentException("session limits must be positive");
        }
    }

    /** Limits with {@link #DEFAULT_MAX_HELD_RECEIPTS}. */
    public SessionLimits(int maxSubscriptions, int maxTransactions, int maxTransactionFrames, long maxTransactionBytes) {
        this(maxSubscriptions, maxTransactions, maxTransactionFrames, maxTransactionBytes, DEFAULT_MAX_HELD_RECEIPTS);
    }

    public SessionLimits withMaxHeldReceipts(int n) {
        return new SessionLimits(maxSubscriptions, maxTransactions, maxTransactionFrames, maxTransactionBytes, n);
    }
}
