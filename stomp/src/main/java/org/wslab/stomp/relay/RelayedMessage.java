package org.wslab.stomp.relay;

import java.util.ArrayList;
import java.util.List;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.Delivery;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;

/**
 * Turns an upstream MESSAGE into a delivery for our client (STOMP 1.2 "MESSAGE"): the headers the
 * client's own session sets ({@code destination}, {@code message-id}, {@code subscription},
 * {@code ack}, {@code content-length}) are dropped, the rest (content-type, user headers,
 * {@code redelivered}) pass through; our id replaces the upstream's.
 */
final class RelayedMessage {
    private RelayedMessage() {
    }

    static Delivery delivery(String subscriptionId, String id, AckMode mode, StompFrame upstream) {
        List<StompHeader> own = new ArrayList<>();
        for (StompHeader h : upstream.headers()) {
            switch (h.name()) {
                case "destination", "message-id", "subscription", "ack", "content-length" -> { }
                default -> own.add(h);
            }
        }
        return new Delivery(subscriptionId, id, upstream.header("destination", ""), own, upstream.body(), mode,
                "true".equals(upstream.header("redelivered")));
    }
}
