package org.wslab.stomp.session;

import java.util.ArrayList;
import java.util.List;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.Delivery;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;
import org.wslab.stomp.StompVersion;

/**
 * Builds the MESSAGE frame for a delivery (STOMP 1.2 "MESSAGE"): {@code destination},
 * {@code message-id}, {@code subscription}, in 1.2 an {@code ack} header for client ack modes
 * (the id a 1.2 ACK/NACK must name), then the sender's own headers and a {@code content-length}.
 */
public final class MessageFrames {
    private MessageFrames() {}

    /** The MESSAGE frame for {@code d} as a client speaking {@code v} receives it. */
    public static StompFrame of(Delivery d, StompVersion v) {
        List<StompHeader> headers = new ArrayList<>();
        headers.add(new StompHeader("destination", d.destination()));
        headers.add(new StompHeader("message-id", d.messageId()));
        headers.add(new StompHeader("subscription", d.subscriptionId()));
        if (v == StompVersion.V1_2 && d.ackMode() != AckMode.AUTO) {
            headers.add(new StompHeader("ack", d.messageId()));
        }
        if (d.redelivered()) {
            headers.add(new StompHeader("redelivered", "true"));
        }
        int own = headers.size();
        headers.addAll(d.headers());
        StompFrame m = new StompFrame(StompCommand.MESSAGE, headers, null).withBody(d.body());
        if (StompEncoder.check(m, v).isPresent()) {
            // a sender's header this version cannot spell (e.g. a LF under 1.0) is dropped, not the message
            m = new StompFrame(StompCommand.MESSAGE, headers.subList(0, own), null).withBody(d.body());
        }
        return m;
    }
}
