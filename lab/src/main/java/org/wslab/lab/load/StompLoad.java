package org.wslab.lab.load;

import java.util.Objects;
import org.wslab.stomp.broker.AckMode;

/**
 * What a STOMP load run does beyond the schedule (STOMP 1.2 "SUBSCRIBE", "SEND", "ACK", "RECEIPT"):
 * every connection subscribes to its own destination with {@code ack} mode and SENDs to it.
 *
 * @param destination the destination pattern; {@value #INDEX} becomes the connection's number
 * @param ack         the subscription's ack mode; other than auto, every MESSAGE is ACKed
 * @param receipts    ask a RECEIPT for the SUBSCRIBE and every SEND
 */
public record StompLoad(String destination, AckMode ack, boolean receipts) {
    /** Where the connection's number goes in {@link #destination}. */
    public static final String INDEX = "{n}";
    /** The default pattern: a queue per connection. */
    public static final String DEFAULT_DESTINATION = "/queue/load." + INDEX;

    public StompLoad {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(ack, "ack");
    }

    /** Connection {@code i}'s destination. */
    public String destinationOf(int i) {
        return destination.replace(INDEX, Integer.toString(i));
    }
}
