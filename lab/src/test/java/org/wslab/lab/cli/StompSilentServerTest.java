package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code wslab stomp} against a server that accepts the TCP connection and then says nothing: the
 * wait for the handshake and CONNECTED is bounded by {@code --timeout}, and ends in one line, exit 2.
 */
class StompSilentServerTest {

    @Test
    void aSilentServerTimesOutWithOneLine() throws Exception {
        try (RawServer silent = RawServer.silent()) {
            CliRun run = CliRun.of("stomp", "ws://127.0.0.1:" + silent.port() + "/websocket/app", "send", "/topic/x", "y",
                    "--timeout", "300ms");
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().startsWith("wslab: timed out after 300ms waiting for the opening handshake response from 127.0.0.1:"
                    + silent.port()), run.toString());
        }
    }
}
