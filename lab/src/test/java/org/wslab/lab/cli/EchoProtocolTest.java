package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.TestServer;

/** {@code echo --protocol}: the offer goes out as RFC 6455 §4.1 (10) says, and a bad one is a usage error. */
class EchoProtocolTest {
    @RegisterExtension
    final TestServer server = new TestServer();

    // §4.1 (10): the offered sub-protocols in one Sec-WebSocket-Protocol field, in order; the echo endpoint
    // selects none (§4.2.2 (5.4)), which the client accepts
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theOfferIsSentInOrderAndNoneSelectedIsFine(Engine engine) throws Exception {
        server.start(engine);
        String url = server.echoUri().toString();
        CliRun run = CliRun.of("echo", "--trace", "--protocol", "chat", "--protocol", "superchat", url);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Sec-WebSocket-Protocol: chat, superchat"), run.out());
        assertTrue(run.out().contains("sub-protocol: (none)"), run.out());
    }

    @Test
    void aProtocolThatIsNoTokenIsOneLine() {
        CliRun run = CliRun.of("echo", "--protocol", "a b", "ws://127.0.0.1:1/");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("not a token"), run.err());
    }
}
