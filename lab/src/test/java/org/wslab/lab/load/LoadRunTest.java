package org.wslab.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Writer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.TestServer;

/**
 * A short bounded open-loop run against each engine's echo endpoint (RFC 6455 §5.6): every
 * connection opens, every message sent is echoed, nothing is lost or different. Counts, not times.
 */
class LoadRunTest {
    @RegisterExtension
    final TestServer server = new TestServer();
    private static final int CONNECTIONS = 20;

    /** 20 connections × 20 messages a second for 2 s. */
    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyMessageSentIsEchoedOnEachEngine(Engine engine) throws Exception {
        server.start(engine);
        LoadPlan plan = LoadPlan.of(((WebSocketUri.Parse.Valid) WebSocketUri.parse(server.echoUri().toString())).uri(),
                CONNECTIONS, 20, Duration.ofSeconds(2), 64);
        LoadReport r = LoadRun.run(plan, new PrintWriter(Writer.nullWriter()), Optional.empty());
        String facts = String.join("\n", r.lines());
        Counted.nothingLost(r, CONNECTIONS);
        assertEquals(CONNECTIONS, r.counts().held(), facts);
        assertEquals(r.counts().received(), r.latency().total().getTotalCount(), facts);
        assertEquals(r.counts().received(), r.serviceTime().getTotalCount(), facts);
        assertEquals(CONNECTIONS, r.handshakes().getTotalCount(), facts);
    }
}
