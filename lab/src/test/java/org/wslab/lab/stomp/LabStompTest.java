package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.relay.RelayBroker;
import org.wslab.stomp.relay.RelaySettings;

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
        StompBackend.Relay backend = new StompBackend.Relay("127.0.0.1", 1).withGiveUpAfter(Duration.ofSeconds(3));
        LabStomp stomp = LabStomp.open(backend);
        RelayBroker relay = assertInstanceOf(RelayBroker.class, stomp.broker());
        // serve --relay-give-up reaches the relay; the other settings stay the stomp module's defaults
        assertEquals(RelaySettings.DEFAULT.withGiveUpAfter(Duration.ofSeconds(3)), relay.settings());
        assertTrue(backend.describe().contains("gives up after 3s"), backend.describe());
        stomp.close();
        assertTrue(stomp.heartBeats().isShutdown());
    }
}
