package org.wslab.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.OriginPattern;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.watch.ServeWatch;
import org.wslab.lab.server.watch.WatchOutput;

/**
 * {@code serve --log} and {@code --trace} on both engines, with raw sockets so every byte (and so
 * every line) is known: the 101 and its frames, the close line, a 403 naming ORIGIN_ALLOWED, a 404,
 * and on our engine the 503 over the connection limit. No timed assertions: the duration is matched
 * as a pattern.
 */
class ServeWatchTest {
    /** "hi" masked with 01 02 03 04 (RFC 6455 §5.3), then the close 1000 with the same key. */
    private static final byte[] TEXT_HI = {(byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2};
    private static final byte[] CLOSE_1000 = {(byte) 0x88, (byte) 0x82, 1, 2, 3, 4, 0x03 ^ 1, (byte) (0xe8 ^ 2)};

    /** A watch printing into {@code printed}. */
    private static WatchOutput outputTo(StringWriter printed) {
        return WatchOutput.start(new PrintWriter(printed), WatchOutput.DEFAULT_CAPACITY);
    }

    /** Port 0, logging into {@code output}, tracing too when {@code trace}. */
    private static LabServerConfig watched(WatchOutput output, boolean trace) {
        return LabServerConfig.defaults().withAddress("127.0.0.1", 0).withWatch(ServeWatch.to(output, true, trace));
    }

    private static List<String> of(String out, int id) {
        return out.lines().filter(l -> l.startsWith("#" + id + " ")).toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void logAndTraceShowEachDecisionEveryFrameAndTheEnd(Engine engine) throws Exception {
        StringWriter printed = new StringWriter();
        WatchOutput output = outputTo(printed);
        LabServerConfig config = watched(output, true).withOrigins(List.of(OriginPattern.parse("https://app.example")));
        int echoPort;
        int evilPort;
        int nothingPort;
        try (LabServer server = LabServers.start(engine, config, EndpointRegistry.defaults())) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                echoPort = s.getLocalPort();
                s.getOutputStream().write(RawUpgrade.request("/websocket/echo", null, null));
                assertTrue(RawUpgrade.head(s.getInputStream()).startsWith("HTTP/1.1 101 "));
                s.getOutputStream().write(TEXT_HI);
                assertEquals("[-127, 2, 104, 105]", java.util.Arrays.toString(s.getInputStream().readNBytes(4)));
                s.getOutputStream().write(CLOSE_1000);
                assertEquals("[-120, 2, 3, -24]", java.util.Arrays.toString(s.getInputStream().readNBytes(4)));
                s.getInputStream().readAllBytes(); // the server closes the TCP connection first (§7.1.1)
            }
            // the engine reports the end on its own thread, the printer prints later still: a bounded wait
            for (int i = 0; i < 3_000 && !printed.toString().contains("#1 closed "); i++) {
                Thread.sleep(10);
            }
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                evilPort = s.getLocalPort();
                s.getOutputStream().write(RawUpgrade.request("/websocket/echo", "http://evil.example", null));
                assertTrue(RawUpgrade.head(s.getInputStream()).startsWith("HTTP/1.1 403 "));
            }
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                nothingPort = s.getLocalPort();
                s.getOutputStream().write(RawUpgrade.request("/nothing", null, null));
                assertTrue(RawUpgrade.head(s.getInputStream()).startsWith("HTTP/1.1 404 "));
            }
        }
        output.close();
        String out = printed.toString();
        String key = engine == Engine.JETTY ? "00 00 00 00" : "01 02 03 04"; // Jetty unmasks and forgets the key
        List<String> first = of(out, 1);
        assertEquals(List.of(
                "#1 127.0.0.1:" + echoPort + " GET /websocket/echo → 101",
                "#1 → client frame 1: TEXT masked, 8 bytes on the wire",
                "#1     81                FIN=1 RSV=000 opcode=0x1 (TEXT)",
                "#1     82                MASK=1 payload length code=2 (7-bit form)",
                "#1     " + key + "       masking key",
                "#1     " + (engine == Engine.JETTY ? "68 69" : "69 6b") + "             payload, masked on the wire (2 bytes); text \"hi\"",
                "#1 ← server frame 1: TEXT, 4 bytes on the wire",
                "#1     81                FIN=1 RSV=000 opcode=0x1 (TEXT)",
                "#1     02                MASK=0 payload length code=2 (7-bit form)",
                "#1     68 69             payload (2 bytes); text \"hi\""), first.subList(0, 10), out);
        assertEquals("#1 ← server frame 2: CLOSE, 4 bytes on the wire", first.get(15), out);
        assertTrue(first.get(first.size() - 1).matches(
                "#1 closed 1000 \\(normal closure\\) after \\d+\\.\\d s, 1 message in / 1 out"), out);
        assertEquals(List.of("#2 127.0.0.1:" + evilPort + " GET /websocket/echo → 403 ORIGIN_ALLOWED "
                + "(RFC 6455 §4.2.2 (4) /origin/ / §10.2: Origin http://evil.example is not accepted)"), of(out, 2), out);
        assertEquals(List.of("#3 127.0.0.1:" + nothingPort + " GET /nothing → 404 NO_RESOURCE (RFC 9110 §15.5.5: /nothing)"),
                of(out, 3), out);
        assertTrue(out.lines().noneMatch(l -> l.contains("dropped")), out);
    }

    // RFC 6455 §4.4: another version is refused 426 naming the rule on both engines (Jetty's by the lab's guard)
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherVersionIsLoggedWithTheRule(Engine engine) throws Exception {
        StringWriter printed = new StringWriter();
        WatchOutput output = outputTo(printed);
        LabServerConfig config = watched(output, false);
        int port;
        String status;
        try (LabServer server = LabServers.start(engine, config, EndpointRegistry.defaults());
             Socket s = new Socket("127.0.0.1", server.port())) {
            port = s.getLocalPort();
            s.getOutputStream().write(new String(RawUpgrade.request("/websocket/echo", null, null), StandardCharsets.US_ASCII)
                    .replace("Version: 13", "Version: 8").getBytes(StandardCharsets.US_ASCII));
            status = RawUpgrade.head(s.getInputStream()).lines().findFirst().orElse("");
        }
        output.close();
        assertTrue(status.startsWith("HTTP/1.1 426 "), status);
        String expected = "#1 127.0.0.1:" + port
                + " GET /websocket/echo → 426 VERSION_13 (RFC 6455 §4.2.1 (6) / §4.2.2 (4) / §4.4: Sec-WebSocket-Version: 8)";
        assertTrue(printed.toString().startsWith(expected), status + "\n" + printed);
    }

    // RFC 9110 §15.6.4: one connection over --max-connections is logged as 503 naming MAX_CONNECTIONS
    @Test
    void ourEngineLogsTheConnectionOverTheLimit() throws Exception {
        StringWriter printed = new StringWriter();
        WatchOutput output = outputTo(printed);
        LabServerConfig config = watched(output, false).withMaxConnections(1);
        int extraPort;
        int heldPort;
        try (LabServer server = LabServers.start(Engine.WSLAB, config, EndpointRegistry.defaults());
             Socket held = new Socket("127.0.0.1", server.port())) {
            heldPort = held.getLocalPort();
            held.getOutputStream().write(RawUpgrade.request("/websocket/app", null, "v12.stomp"));
            assertTrue(RawUpgrade.head(held.getInputStream()).startsWith("HTTP/1.1 101 "));
            try (Socket extra = new Socket("127.0.0.1", server.port())) {
                extraPort = extra.getLocalPort();
                assertTrue(new String(extra.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                        .startsWith("HTTP/1.1 503 "));
            }
        }
        output.close();
        String out = printed.toString();
        assertEquals(List.of("#1 127.0.0.1:" + heldPort + " GET /websocket/app → 101 (sub-protocol v12.stomp)"),
                of(out, 1).subList(0, 1), out);
        assertEquals(List.of("#2 127.0.0.1:" + extraPort + " → 503 MAX_CONNECTIONS "
                + "(RFC 9110 §15.6.4: at most 1 connection at once)"), of(out, 2), out);
        // the held socket is closed first (resources close in reverse): no close frame, 1006 (RFC 6455 §7.1.5)
        assertTrue(of(out, 1).get(1).startsWith("#1 closed 1006 (closed without a close frame"), out);
    }
}
