package org.wslab.lab.server.jetty.updates;

import java.util.List;

/** What a reader asking for the updates after a sequence number gets. */
public sealed interface ReadResult {
    /** The retained updates after it, oldest first; empty when there are none yet. */
    record Updates(List<Update> updates) implements ReadResult {
        public Updates {
            updates = List.copyOf(updates);
        }
    }

    /** Some updates after it are no longer retained: the oldest retained one is {@code oldest}. */
    record Gone(long oldest) implements ReadResult {}
}
