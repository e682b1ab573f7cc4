package org.wslab.stomp.session;

import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.Mailbox;
import org.wslab.stomp.broker.MailboxLimits;
import org.wslab.stomp.StompVersion;

/**
 * The slow-consumer clock of one session (wslab policy, after Spring's send-time-limit plus
 * buffer-size-limit): a mailbox past its hard limit, or over its soft limit — or holding a paused
 * publisher back, which it does until it drains below its low-water mark — for longer than
 * {@link MailboxLimits#slowConsumerNanos()}, is {@link StompRule#SLOW_CONSUMER}. The clock starts
 * at the first look after the soft limit is crossed (the mailbox wakes the session then). Sans-I/O,
 * not thread-safe.
 */
final class SlowConsumerWatch {
    private final Mailbox mailbox;
    private final MailboxLimits limits;
    private long overSoftSince = -1;

    SlowConsumerWatch(Mailbox mailbox) {
        this.mailbox = mailbox;
        this.limits = mailbox.limits();
    }

    /** The violation when the mailbox is over its limits at {@code nowNanos}. */
    Optional<StompViolation> check(long nowNanos, StompVersion version) {
        if (mailbox.overflowed()) {
            return Optional.of(new StompViolation(StompRule.SLOW_CONSUMER, version, "a message would take this "
                    + "connection past its hard limit of " + limits.hardLimitBytes() + " octets"));
        }
        if (!mailbox.overSoftLimit() && !mailbox.holdsBackPublishers()) {
            overSoftSince = -1;
        } else if (overSoftSince < 0) {
            overSoftSince = nowNanos;
        } else if (nowNanos - overSoftSince > limits.slowConsumerNanos()) {
            return Optional.of(new StompViolation(StompRule.SLOW_CONSUMER, version, mailbox.bytes()
                    + " octets waited over the limit of " + limits.softLimitBytes() + " (or held publishers back) for "
                    + (nowNanos - overSoftSince) / 1_000_000 + " ms"));
        }
        return Optional.empty();
    }

    /** When the time limit runs out, or {@link Long#MAX_VALUE} while under the soft limit. */
    long deadlineNanos() {
        return overSoftSince < 0 ? Long.MAX_VALUE : overSoftSince + limits.slowConsumerNanos() + 1;
    }
}
