package org.wslab.stomp.broker;

/**
 * How much a connection's {@link Mailbox} may hold (wslab policy; STOMP leaves flow control to the
 * server). Modelled on ActiveMQ's producer flow control and Spring's send-time-limit plus
 * buffer-size-limit pair.
 *
 * @param softLimitBytes  above this a SEND to the connection pauses its publisher (default 1 MiB)
 * @param lowWaterBytes   paused publishers resume once the mailbox is back below this (default 512 KiB)
 * @param hardLimitBytes  a delivery that would pass this cuts the connection off at once
 *                        ({@link org.wslab.stomp.StompRule#SLOW_CONSUMER}; default 8 MiB)
 * @param slowConsumerNanos a mailbox above its soft limit for longer than this is cut off
 *                        ({@link org.wslab.stomp.StompRule#SLOW_CONSUMER}; default 10 s)
 */
public record MailboxLimits(long softLimitBytes, long lowWaterBytes, long hardLimitBytes, long slowConsumerNanos) {
    /** 1 MiB soft, 512 KiB low water, 8 MiB hard, 10 s over the soft limit. */
    public static final MailboxLimits DEFAULT =
            new MailboxLimits(1L << 20, 1L << 19, 8L << 20, 10_000_000_000L);

    public MailboxLimits {
        if (lowWaterBytes < 0 || lowWaterBytes > softLimitBytes || softLimitBytes > hardLimitBytes || slowConsumerNanos <= 0) {
            throw new IllegalArgumentException("need 0 <= lowWater <= soft <= hard and a positive time limit");
        }
    }

    public MailboxLimits withBytes(long soft, long lowWater, long hard) {
        return new MailboxLimits(soft, lowWater, hard, slowConsumerNanos);
    }

    public MailboxLimits withSlowConsumerNanos(long nanos) {
        return new MailboxLimits(softLimitBytes, lowWaterBytes, hardLimitBytes, nanos);
    }
}
