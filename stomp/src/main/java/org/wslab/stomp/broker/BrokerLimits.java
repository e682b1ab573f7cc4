package org.wslab.stomp.broker;

/**
 * What the in-memory broker may retain (wslab policy; STOMP leaves it to the server). Crossing a
 * byte or message budget refuses the SEND with {@link org.wslab.stomp.StompRule#QUEUE_FULL}; one
 * destination too many refuses the SEND or SUBSCRIBE with
 * {@link org.wslab.stomp.StompRule#TOO_MANY_DESTINATIONS}.
 *
 * @param maxQueuedMessages undelivered messages per queue (default 10 000)
 * @param maxQueueBytes     body octets held per queue (default 16 MiB)
 * @param maxTotalBytes     body octets held by the broker in all (queues and prefetch backlogs; default 64 MiB)
 * @param maxDestinations   topics and queues that exist at once (default 10 000)
 */
public record BrokerLimits(int maxQueuedMessages, long maxQueueBytes, long maxTotalBytes, int maxDestinations) {
    /** 10 000 messages and 16 MiB per queue, 64 MiB in all, 10 000 destinations. */
    public static final BrokerLimits DEFAULT = new BrokerLimits(10_000, 16L << 20, 64L << 20, 10_000);

    public BrokerLimits {
        if (maxQueuedMessages < 1 || maxQueueBytes < 1 || maxTotalBytes < 1 || maxDestinations < 1) {
            throw new IllegalArgumentException("broker limits must be positive");
        }
    }

    public BrokerLimits withMaxQueuedMessages(int n) {
        return new BrokerLimits(n, maxQueueBytes, maxTotalBytes, maxDestinations);
    }

    public BrokerLimits withBytes(long perQueue, long total) {
        return new BrokerLimits(maxQueuedMessages, perQueue, total, maxDestinations);
    }

    public BrokerLimits withMaxDestinations(int n) {
        return new BrokerLimits(maxQueuedMessages, maxQueueBytes, maxTotalBytes, n);
    }
}
