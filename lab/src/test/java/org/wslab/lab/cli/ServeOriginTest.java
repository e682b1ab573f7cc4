package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code wslab serve --origin} in-process on both engines (RFC 6455 §4.2.2 (4), §10.2): the banner
 * line, {@code wslab handshake --origin} refused with 403 from another site and served from a
 * listed one or with no Origin, the 403's body naming ORIGIN_ALLOWED, and a bad pattern as one line
 * with exit 2.
 */
class ServeOriginTest {

    /** The whole answer to a hand-written upgrade from {@code origin}, read to the server's close. */
    private static String rawUpgrade(int port, String origin) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /websocket/echo HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "wslab"})
    void onlyListedOriginsAreServed(String engine) throws Exception {
        try (RunningServe serve = new RunningServe("--engine", engine, "--origin", "https://app.example",
                "--origin", "http://localhost:*")) {
            assertTrue(serve.out().contains("\norigin: only https://app.example, http://localhost:* "
                    + "(requests without Origin allowed; others get 403 ORIGIN_ALLOWED)\n"), serve.out());

            CliRun evil = CliRun.of("handshake", "--origin", "https://evil.example", serve.echoUrl());
            assertEquals(ExitCode.CHECK_FAILED, evil.exitCode(), evil.toString());
            assertTrue(evil.out().contains("HTTP/1.1 403 Forbidden"), evil.out());

            CliRun listed = CliRun.of("handshake", "--origin", "http://LOCALHOST:3000", serve.echoUrl());
            assertEquals(ExitCode.OK, listed.exitCode(), listed.toString());
            CliRun none = CliRun.of("handshake", serve.echoUrl());
            assertEquals(ExitCode.OK, none.exitCode(), none.toString());

            String answer = rawUpgrade(serve.port(), "https://evil.example");
            assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
            assertTrue(answer.contains("RFC 6455 §4.2.2 (4) /origin/ / §10.2 ORIGIN_ALLOWED"), answer);
            assertTrue(answer.contains("Origin https://evil.example is not accepted"), answer);
            assertEquals(ExitCode.OK, serve.stop());
        }
    }

    @Test
    void withoutOriginTheBannerSaysNothingAndAnyOriginIsServed() throws Exception {
        try (RunningServe serve = new RunningServe("--engine", "wslab")) {
            assertFalse(serve.out().contains("origin:"), serve.out());
            CliRun evil = CliRun.of("handshake", "--origin", "https://evil.example", serve.echoUrl());
            assertEquals(ExitCode.OK, evil.exitCode(), evil.toString());
            assertEquals(ExitCode.OK, serve.stop());
        }
    }

    @Test
    void aBadPatternIsOneLineAndExitTwo() {
        for (String bad : new String[] {"app.example.com", "https://app.example.com/", "https://app.example.com:0",
                "https://a.*.example", "http://localhost:8*", ""}) {
            CliRun run = CliRun.of("serve", "--port", "0", "--origin", bad);
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains("--origin"), run.err());
        }
    }
}
