package org.wslab.stomp.broker;

import java.util.List;
import org.wslab.stomp.codec.StompHeader;

/** A published message as the broker keeps it (STOMP 1.2 "SEND": destination, the sender's headers, body). */
record BrokerMessage(String destination, List<StompHeader> headers, byte[] body, boolean redelivered) {
    long size() {
        return body.length;
    }

    BrokerMessage again() {
        return redelivered ? this : new BrokerMessage(destination, headers, body, true);
    }
}
