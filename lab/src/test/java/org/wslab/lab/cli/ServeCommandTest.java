package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** {@code wslab serve} in-process: banner, index page, stop, and its usage errors. */
class ServeCommandTest {

    @Test
    void servePrintsTheEchoUrlServesTheIndexAndStopsWithExitZero() throws Exception {
        try (RunningServe serve = new RunningServe("--max-message-size", "1MiB")) {
            assertTrue(serve.out().contains("jetty engine listening on http://127.0.0.1:" + serve.port() + "/"),
                    serve.out());
            assertTrue(serve.out().contains("limits: 1MiB per frame and per message"), serve.out());
            assertTrue(serve.out().contains("http://127.0.0.1:" + serve.port() + "/api/notes and ws://127.0.0.1:"
                    + serve.port() + "/websocket/notes"), "the banner names the Jetty engine's other endpoints: " + serve.out());
            assertTrue(serve.out().contains("/updates/publish"), serve.out());
            HttpResponse<String> index = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains(serve.echoUrl()), index.body());
            assertEquals(ExitCode.OK, serve.stop());
            // the HTTP client may still hold its keep-alive connection: 0 or 1 closed
            assertTrue(serve.out().matches("(?s).*\nwslab: stopped \\([01] connections? closed\\)\\R"), serve.out());
            assertEquals("", serve.data(), "no --log: nothing on stdout");
        }
    }

    @Test
    void aPortInUseIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--port", String.valueOf(taken.getLocalPort()));
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().startsWith("wslab: cannot listen on 127.0.0.1:" + taken.getLocalPort()), run.err());
        }
    }

    // --max-connections reaches our engine: with one slot held, the next handshake gets 503 (exit 1)
    @Test
    void maxConnectionsLimitsOurEngine() throws Exception {
        try (RunningServe serve = new RunningServe("--engine", "wslab", "--max-connections", "1");
             Socket held = new Socket("127.0.0.1", serve.port())) {
            assertTrue(serve.out().contains("at most 1 connection,"), serve.out());
            CliRun run = CliRun.of("handshake", serve.echoUrl());
            assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
            assertTrue(run.out().contains("HTTP/1.1 503"), run.out());
            held.close();
            assertEquals(ExitCode.OK, serve.stop());
        }
    }

    // a host that does not resolve (RFC 6761 .invalid) or is not ours (RFC 5737 TEST-NET-1) is named as such
    @Test
    void aHostThatCannotBeBoundSaysWhy() {
        CliRun unknown = CliRun.of("serve", "--port", "0", "--host", "wslab.invalid");
        unknown.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(unknown.err().contains("unknown host 'wslab.invalid'"), unknown.err());
        for (String engine : new String[] {"jetty", "wslab"}) {
            CliRun foreign = CliRun.of("serve", "--port", "0", "--host", "192.0.2.1", "--engine", engine);
            foreign.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(foreign.err().contains("192.0.2.1 is not an address of this machine"), foreign.err());
        }
    }

    @Test
    void outOfRangeOptionsAreUsageErrors() {
        for (String[] args : new String[][] {
            {"serve", "--port", "65536"},
            {"serve", "--port", "-1"},
            {"serve", "--max-message-size", "0"},
            {"serve", "--max-message-size", "3GiB"},
            {"serve", "--max-message-size", "lots"},
            {"serve", "--engine", "tomcat"},
            {"serve", "--engine", "wslab", "--max-connections", "0"},
            {"serve", "--max-connections", "4"}, // Jetty counts its own: the flag is our engine's
            {"serve", "--relay-give-up", "5s"}, // only with --relay
            {"serve", "--relay", "127.0.0.1:61613", "--relay-give-up", "0s"},
        }) {
            CliRun run = CliRun.of(args);
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.out().isEmpty(), run.toString());
        }
    }
}
