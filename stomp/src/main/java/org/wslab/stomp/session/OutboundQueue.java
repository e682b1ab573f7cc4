package org.wslab.stomp.session;

import java.util.ArrayList;
import java.util.List;

/**
 * What a session has produced for the transport and the transport has not yet taken, with its
 * octet count (the budget {@link StompServerSession#pump} fills up to). Not thread-safe.
 */
final class OutboundQueue {
    private final List<OutboundMessage> messages = new ArrayList<>();
    private long bytes;

    void add(OutboundMessage m) {
        messages.add(m);
        bytes += m.octets().length;
    }

    long bytes() {
        return bytes;
    }

    /** Everything queued, in order; the queue is left empty. */
    List<OutboundMessage> take() {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<OutboundMessage> out = new ArrayList<>(messages);
        messages.clear();
        bytes = 0;
        return out;
    }
}
