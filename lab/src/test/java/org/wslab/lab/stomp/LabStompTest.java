package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.relay.RelayBroker;

/** A lab server's STOMP state: the broker its backend asks for, and a heart-beat scheduler it owns and stops. */
class LabStompTest {

    @Test
    void inMemoryByDefaultAndTheSchedulerStopsWithIt() {
        LabStomp stomp = LabStomp.open(StompBackend.IN_MEMORY);
        assertInstanceOf(InMemoryBroker.class, stomp.broker());
        stomp.close();
        assertTrue(stomp.heartBeats().isShutdown(), "the server's heart-beat scheduler is shut down with it");
    }

    @Test
    void aRelayBackendRelays() {
        // nothing connects until a client does: opening a relay to a closed port is fine
        LabStomp stomp = LabStomp.open(new StompBackend.Relay("127.0.0.1", 1));
        assertInstanceOf(RelayBroker.class, stomp.broker());
        stomp.close();
        assertTrue(stomp.heartBeats().isShutdown());
    }
}
