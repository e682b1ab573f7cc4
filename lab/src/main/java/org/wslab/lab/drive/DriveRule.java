package org.wslab.lab.drive;

import org.wslab.handshake.spec.SpecRule;

/**
 * What a driver run checks, by counting (DESIGN.md "Tests", scale and faults): every connection
 * held, every message delivered (an echo, RFC 6455 §5.6; a STOMP MESSAGE to every subscriber, STOMP
 * 1.2 "SUBSCRIBE"), in order and unchanged, and a subscriber that stops reading cut off with an
 * ERROR (STOMP 1.2 "ERROR"; the lab's bounded mailbox, DESIGN.md principle 7).
 */
public enum DriveRule implements SpecRule {
    /** Every connection asked for opened and stayed open. */
    CONNECTIONS_HELD("RFC 6455 §4.1", "every connection asked for opens and stays open while traffic runs"),
    /** Every message came back (echo) or reached every subscriber (STOMP). */
    NOTHING_LOST("RFC 6455 §5.6", "every message sent is delivered: echoed back, or to every subscriber"),
    /** Every echo or delivery has the bytes sent, in the order sent. */
    UNCHANGED_IN_ORDER("RFC 6455 §5.6", "every delivery has the bytes sent, in the order sent"),
    /** A publish was refused or failed, or its receipt did not come. */
    PUBLISHED("STOMP 1.2 \"RECEIPT\"", "every SEND is accepted and the publisher's receipt comes back"),
    /** A subscriber that stopped reading got an ERROR (or a close naming SLOW_CONSUMER). */
    SLOW_CONSUMER_CUT_OFF("STOMP 1.2 \"ERROR\"",
            "a subscriber that stops reading is cut off with an ERROR once over the server's bound");

    private final String section;
    private final String statement;

    DriveRule(String section, String statement) {
        this.section = section;
        this.statement = statement;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public String statement() {
        return statement;
    }
}
