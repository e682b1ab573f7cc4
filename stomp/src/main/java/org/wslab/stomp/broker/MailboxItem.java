package org.wslab.stomp.broker;

import org.wslab.stomp.StompViolation;

/**
 * What a broker posts into a connection's {@link Mailbox}: a message for one of its subscriptions
 * (a future MESSAGE, STOMP 1.2 "MESSAGE"), the confirmation that every operation up to a sequence
 * number is done (what a held RECEIPT waits for, "Header receipt"), a refusal of one operation (an
 * ERROR naming the rule), or the failure of the broker side as a whole.
 */
public sealed interface MailboxItem {
    /** Octets this item stands for in the mailbox's budget (a delivery's body plus its headers). */
    long bytes();

    /** A message for one subscription. */
    record Deliver(Delivery delivery) implements MailboxItem {
        @Override
        public long bytes() {
            return Mailbox.sizeOf(delivery);
        }
    }

    /** Every operation numbered {@code seq} or lower is done. */
    record Confirmed(long seq) implements MailboxItem {
        @Override
        public long bytes() {
            return Mailbox.CONTROL_ITEM_BYTES;
        }
    }

    /** Operation {@code seq} was refused. */
    record Refused(long seq, StompViolation violation) implements MailboxItem {
        @Override
        public long bytes() {
            return Mailbox.CONTROL_ITEM_BYTES;
        }
    }

    /** The broker side failed (e.g. a relay gave up on its upstream): the session ends with an ERROR. */
    record BrokerFailed(StompViolation violation) implements MailboxItem {
        @Override
        public long bytes() {
            return Mailbox.CONTROL_ITEM_BYTES;
        }
    }
}
