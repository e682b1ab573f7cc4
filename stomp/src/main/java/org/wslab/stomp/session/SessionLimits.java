package org.wslab.stomp.session;

/**
 * What one client session may hold on the server at once (issue 4's "limits everywhere"; STOMP 1.2
 * "Size Limits" bounds frames, these bound what frames accumulate). Crossing one is an ERROR naming
 * {@link org.wslab.stomp.StompRule#TOO_MANY_SUBSCRIPTIONS}, {@link org.wslab.stomp.StompRule#TOO_MANY_TRANSACTIONS}
 * or {@link org.wslab.stomp.StompRule#TRANSACTION_TOO_LARGE}, then close.
 *
 * @param maxSubscriptions     active subscriptions (default 256)
 * @param maxTransactions      open transactions, BEGIN without COMMIT/ABORT yet (default 16)
 * @param maxTransactionFrames SENDs, ACKs and NACKs held in one transaction until COMMIT (default 1000)
 * @param maxTransactionBytes  body octets of the SENDs held in one transaction (default 4 MiB)
 */
public record SessionLimits(int maxSubscriptions, int maxTransactions, int maxTransactionFrames,
                            long maxTransactionBytes) {
    /** 256 subscriptions, 16 transactions of at most 1000 frames and 4 MiB of bodies each. */
    public static final SessionLimits DEFAULT = new SessionLimits(256, 16, 1000, 4L * 1024 * 1024);

    public SessionLimits {
        if (maxSubscriptions < 1 || maxTransactions < 1 || maxTransactionFrames < 1 || maxTransactionBytes < 0) {
            throw new IllegalArgumentException("session limits must be positive");
        }
    }
}
