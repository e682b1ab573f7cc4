package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.wslab.lab.json.JsonSchemas;

/**
 * Exit code 2 with {@code --json}: stdout holds the failure as one object valid under the
 * {@code failure} schema, carrying the same line as stderr and the failure's typed kind and rule.
 */
class FailureJsonTest {

    private static int closedPort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionIsItsKindAndRuleOnStdout() throws Exception {
        String url = "ws://127.0.0.1:" + closedPort() + "/websocket/echo";
        for (String command : new String[] {"echo", "handshake"}) {
            CliRun run = CliRun.of(command, "--json", url);
            assertEquals(ExitCode.USAGE_OR_CONNECTION, run.exitCode(), run.toString());
            JsonNode json = JsonSchemas.assertValid("failure", run.out());
            assertEquals(command, json.get("command").asText());
            assertEquals(url, json.get("url").asText());
            assertEquals("refused", json.at("/failure/kind").asText(), run.out());
            assertEquals("CONNECT_REFUSED", json.at("/failure/rule").asText(), run.out());
            assertEquals("RFC 9293 §3.5", json.at("/failure/section").asText(), run.out());
            assertEquals("wslab: " + json.at("/failure/line").asText(), run.err().strip(), run.toString());
        }
    }

    @Test
    void aUsageErrorWithJsonIsAFailureObjectToo() {
        CliRun run = CliRun.of("echo", "--json", "--count", "x", "ws://127.0.0.1:1/");
        assertEquals(ExitCode.USAGE_OR_CONNECTION, run.exitCode());
        JsonNode json = JsonSchemas.assertValid("failure", run.out());
        assertEquals("usage", json.at("/failure/kind").asText());
        assertTrue(json.at("/failure/rule").isNull(), run.out());
    }

    @Test
    void withoutJsonStdoutStaysEmpty() throws Exception {
        CliRun run = CliRun.of("echo", "ws://127.0.0.1:" + closedPort() + "/");
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("wslab: connection refused by 127.0.0.1:"), run.err());
    }

    @Test
    void aNumberOutOfRangeIsNamedAsOutOfRange() {
        CliRun big = CliRun.of("echo", "--count", "99999999999", "ws://127.0.0.1:1/");
        big.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(big.err().contains("'99999999999' is out of range"), big.err());
        CliRun word = CliRun.of("echo", "--count", "12x", "ws://127.0.0.1:1/");
        assertTrue(word.err().contains("'12x' is not a whole number"), word.err());
        assertFalse(word.err().contains("out of range"), word.err());
    }
}
