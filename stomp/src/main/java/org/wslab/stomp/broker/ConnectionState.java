package org.wslab.stomp.broker;

import java.util.LinkedHashMap;
import java.util.Map;

/** One connection as the broker sees it: its mailbox and its subscriptions (STOMP 1.2 "SUBSCRIBE"). */
final class ConnectionState {
    final String sessionId;
    final Mailbox mailbox;
    final Map<String, Subscriber> subs = new LinkedHashMap<>();
    boolean closed;

    ConnectionState(String sessionId, Mailbox mailbox) {
        this.sessionId = sessionId;
        this.mailbox = mailbox;
    }
}
