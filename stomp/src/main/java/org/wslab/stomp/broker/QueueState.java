package org.wslab.stomp.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** One {@code /queue/…}: its backlog (with its octets), its consumers and the round-robin position (wslab policy). */
final class QueueState {
    final ArrayDeque<BrokerMessage> backlog = new ArrayDeque<>();
    final List<Subscriber> consumers = new ArrayList<>();
    long bytes;
    int next;
}
