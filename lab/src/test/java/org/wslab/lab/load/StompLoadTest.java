package org.wslab.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.TestServer;
import org.wslab.stomp.broker.AckMode;

/**
 * STOMP mode against each engine's {@code /websocket/app}: every connection SUBSCRIBEs to its own
 * queue and SENDs to it on schedule (STOMP 1.2 "SUBSCRIBE", "SEND", "MESSAGE"); every SEND comes
 * back as a MESSAGE, in order, in each ack mode, and every receipt asked for comes. Counts only.
 */
class StompLoadTest {
    private static final int CONNECTIONS = 10;

    @RegisterExtension
    final TestServer server = new TestServer();

    @ParameterizedTest
    @CsvSource({"JETTY, AUTO, false", "WSLAB, AUTO, false", "JETTY, CLIENT_INDIVIDUAL, true",
        "WSLAB, CLIENT, true"})
    void everySendComesBackAsAMessage(Engine engine, AckMode ack, boolean receipts) throws Exception {
        String url = server.start(engine).webSocketUri(LabEndpoint.stomp()).toString();
        LoadPlan plan = LoadPlan.of(((WebSocketUri.Parse.Valid) WebSocketUri.parse(url)).uri(), CONNECTIONS, 20,
                Duration.ofSeconds(1), 64).withStomp(new StompLoad(StompLoad.DEFAULT_DESTINATION, ack, receipts));
        LoadReport r = LoadRun.run(plan, new PrintWriter(Writer.nullWriter()), Optional.empty());
        Counted.nothingLost(r, CONNECTIONS);
        assertEquals(receipts ? r.counts().sent() + CONNECTIONS : 0, r.counts().receipts(), String.join("\n", r.lines()));
    }
}
