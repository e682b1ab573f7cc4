package org.wslab.stomp.broker;

/**
 * Acknowledgement modes of a subscription (STOMP 1.2 "SUBSCRIBE ack Header"): {@code auto} needs
 * no ACK; {@code client} ACKs are cumulative (everything delivered on the subscription up to the
 * acknowledged message); {@code client-individual} ACKs name one message each.
 */
public enum AckMode {
    AUTO("auto"),
    CLIENT("client"),
    CLIENT_INDIVIDUAL("client-individual");

    private final String header;

    AckMode(String header) {
        this.header = header;
    }

    /** The {@code ack} header value. */
    public String header() {
        return header;
    }

    /** The mode named by an {@code ack} header (absent means auto), or null when none is. */
    public static AckMode fromHeader(String value) {
        if (value == null) {
            return AUTO;
        }
        for (AckMode m : values()) {
            if (m.header.equals(value)) {
                return m;
            }
        }
        return null;
    }
}
