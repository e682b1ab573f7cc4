package org.wslab.lab.load;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.WebSocketUri;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.peers.EmbeddedArtemis;

/**
 * STOMP mode against a real broker: ActiveMQ Artemis's own STOMP-over-WebSocket acceptor (its
 * Netty acceptor upgrades to WebSocket with the {@code v1x.stomp} sub-protocols). Every SEND comes
 * back as a MESSAGE on the connection's own queue; counts only.
 */
class StompLoadOnArtemisTest {
    private static final int CONNECTIONS = 10;

    @Test
    void everySendToArtemisComesBackAsAMessage() throws Exception {
        try (EmbeddedArtemis artemis = new EmbeddedArtemis()) {
            String url = "ws://127.0.0.1:" + artemis.port + "/stomp";
            LoadPlan plan = LoadPlan.of(((WebSocketUri.Parse.Valid) WebSocketUri.parse(url)).uri(), CONNECTIONS, 20,
                    Duration.ofSeconds(1), 64).withStomp(new StompLoad(StompLoad.DEFAULT_DESTINATION, AckMode.CLIENT_INDIVIDUAL, true));
            LoadReport r = LoadRun.run(plan, new PrintWriter(Writer.nullWriter()), Optional.empty());
            Counted.nothingLost(r, CONNECTIONS);
        }
    }
}
