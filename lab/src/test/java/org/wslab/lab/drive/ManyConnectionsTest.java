package org.wslab.lab.drive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.TestServer;

/**
 * Many concurrent connections from one process (our client on the NIO transport) to each engine's
 * echo endpoint: every connection opens, every message is echoed, none is lost (RFC 6455 §5.6).
 * Counts, not times.
 */
class ManyConnectionsTest {
    private static final int CONNECTIONS = 2_000;

    @RegisterExtension
    final TestServer server = new TestServer();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twoThousandConnectionsEachGetTheirEchoesBack(Engine engine) throws Exception {
        server.start(engine);
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(server.echoUri().toString())).uri();
        // two messages per connection, 200 ms apart
        EchoScale.Plan plan = new EchoScale.Plan(uri, CONNECTIONS, 5, Duration.ofMillis(400), 2_000, 64);
        EchoScale.Report r = EchoScale.run(plan, new PrintStream(OutputStream.nullOutputStream()));
        assertEquals(0, r.handshakeFailures(), r.summary());
        assertEquals(CONNECTIONS, r.held(), r.summary());
        assertEquals((long) CONNECTIONS * 2, r.sent(), r.summary());
        assertEquals(0, r.lost(), r.summary());
        assertEquals(0, r.mismatches(), r.summary());
        assertTrue(r.ok(), r.summary());
    }
}
