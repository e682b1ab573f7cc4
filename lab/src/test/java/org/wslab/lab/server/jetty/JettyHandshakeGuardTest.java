package org.wslab.lab.server.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.wslab.handshake.OriginPattern;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.RawUpgrade;
import org.wslab.lab.server.watch.ServeWatch;
import org.wslab.lab.server.watch.WatchOutput;

/**
 * The Jetty engine behind {@link JettyHandshakeGuard} answers each opening handshake the way our
 * engine does, over raw sockets on both engines: a key that is not base64 of 16 bytes or comes twice
 * is 400 (RFC 6455 §4.2.1 (5)), another version 426 with {@code Sec-WebSocket-Version: 13} (§4.4), a
 * foreign Origin 403 (§4.2.2 (4)), each with the same one-line body naming the rule; a
 * permessage-deflate offer RFC 7692 §7.1 says to decline is declined (101 without the extension),
 * a valid one accepted; and every 101 echoes.
 */
class JettyHandshakeGuardTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final Map<Engine, LabServer> SERVERS = new EnumMap<>(Engine.class);

    @BeforeAll
    static void start() throws Exception {
        LabServerConfig config = LabServerConfig.defaults().withAddress("127.0.0.1", 0)
                .withOrigins(List.of(OriginPattern.parse("https://app.example")));
        for (Engine e : Engine.values()) {
            SERVERS.put(e, LabServers.start(e, config, EndpointRegistry.defaults()));
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.values().forEach(LabServer::close);
    }

    /** An upgrade to {@code path} with the given key and version fields and {@code extra} field lines. */
    static byte[] upgrade(String path, String keyLines, String version, String extra) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + keyLines + "Sec-WebSocket-Version: " + version + "\r\n" + extra + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1); // a byte per char, so obs-text goes as written
    }

    /** The whole answer to {@code request}, read until the server closes. */
    static String refusalTo(Engine engine, byte[] request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", SERVERS.get(engine).port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a key of 3 characters", upgrade("/websocket/echo", "Sec-WebSocket-Key: abc\r\n", "13", ""),
                        400, "RFC 6455 §4.2.1 (5) / §4.1 (7) KEY_IS_16_BYTES_BASE64"),
                Arguments.of("a key of 15 bytes", upgrade("/websocket/echo",
                        "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA\r\n", "13", ""),
                        400, "RFC 6455 §4.2.1 (5) / §4.1 (7) KEY_IS_16_BYTES_BASE64"),
                Arguments.of("two keys", upgrade("/websocket/echo",
                        "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Key: " + KEY + "\r\n", "13", ""),
                        400, "RFC 6455 §4.2.1 (5) / §11.3.1 KEY_PRESENT_ONCE"),
                Arguments.of("version 8", upgrade("/websocket/echo", "Sec-WebSocket-Key: " + KEY + "\r\n", "8", ""),
                        426, "RFC 6455 §4.2.1 (6) / §4.2.2 (4) / §4.4 VERSION_13"),
                Arguments.of("a foreign Origin on the STOMP endpoint", upgrade("/websocket/app",
                        "Sec-WebSocket-Key: " + KEY + "\r\n", "13", "Origin: https://evil.example\r\n"),
                        403, "RFC 6455 §4.2.2 (4) /origin/ / §10.2 ORIGIN_ALLOWED"),
                Arguments.of("a sub-protocol offered twice", upgrade("/websocket/app",
                        "Sec-WebSocket-Key: " + KEY + "\r\n", "13", "Sec-WebSocket-Protocol: v12.stomp, v12.stomp\r\n"),
                        400, "RFC 6455 §4.2.1 (8) / §4.1 (10) / §11.3.4 SUBPROTOCOL_LIST"));
    }

    // each of Jetty's own laxnesses: both engines answer the same status with the same body
    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void bothEnginesRefuseWithTheSameStatusAndBody(String what, byte[] request, int status, String rule)
            throws Exception {
        String ours = refusalTo(Engine.WSLAB, request);
        String jetty = refusalTo(Engine.JETTY, request);
        for (String answer : List.of(ours, jetty)) {
            assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
            assertTrue(answer.contains("\r\n\r\n" + rule + ": "), answer);
            assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
            assertEquals(status == 426, answer.contains("\r\nSec-WebSocket-Version: 13\r\n"), answer);
        }
        assertEquals(body(ours), body(jetty));
    }

    static Stream<Arguments> offers() {
        return Stream.of(
                Arguments.of("permessage-deflate; server_max_window_bits=7", null),
                Arguments.of("permessage-deflate; client_max_window_bits=16", null),
                Arguments.of("permessage-deflate; server_no_context_takeover; server_no_context_takeover", null),
                Arguments.of("permessage-deflate; foo=1", null),
                Arguments.of("x-unknown", null),
                Arguments.of("permessage-deflate; server_max_window_bits=10, permessage-deflate; client_max_window_bits",
                        "permessage-deflate"),
                Arguments.of("permessage-deflate; server_no_context_takeover",
                        "permessage-deflate; server_no_context_takeover"),
                Arguments.of("permessage-deflate", "permessage-deflate"),
                Arguments.of("permessage-deflate; client_max_window_bits=10", "permessage-deflate"),
                Arguments.of("permessage-deflate; server_max_window_bits=15", "permessage-deflate; server_max_window_bits=15"),
                Arguments.of("", null));
    }

    // RFC 7692 §7.1: an invalid offer is declined, not refused; a valid one is accepted; either way it echoes
    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("offersOnBothEngines")
    void deflateOffersAreDeclinedOrAcceptedAsOursDecidesAndTheConnectionEchoes(String offer, String accepted,
            Engine engine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", SERVERS.get(engine).port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(upgrade("/websocket/echo", "Sec-WebSocket-Key: " + KEY + "\r\n", "13",
                    offer.isEmpty() ? "" : "Sec-WebSocket-Extensions: " + offer + "\r\n"));
            String head = RawUpgrade.head(in);
            assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            String extensions = head.lines().filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Extensions:", 0, 25))
                    .map(l -> l.substring(25).trim().replaceAll("\\s*;\\s*", "; ")).findFirst().orElse(null);
            assertEquals(accepted, extensions, head);
            out.write(new byte[] {(byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2}); // "hi", masked
            assertEquals("hi", textOf(in, accepted != null));
        }
    }

    static Stream<Arguments> offersOnBothEngines() {
        return offers().flatMap(a -> Stream.of(Engine.values())
                .map(e -> Arguments.of(a.get()[0], a.get()[1], e)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aValidUpgradeIsAcceptedWithItsAcceptKey(Engine engine) throws Exception {
        try (Socket s = new Socket("127.0.0.1", SERVERS.get(engine).port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(RawUpgrade.request("/websocket/echo", "https://app.example", null));
            String head = RawUpgrade.head(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101 "), head);
            assertTrue(head.contains("\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head); // §1.3
        }
    }

    // serve --log: a refusal by the guard is logged with its rule, as our engine logs it
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWatchedServerLogsTheRefusalWithItsRule(Engine engine) throws Exception {
        StringWriter printed = new StringWriter();
        WatchOutput output = WatchOutput.start(new PrintWriter(printed), WatchOutput.DEFAULT_CAPACITY);
        LabServerConfig config = LabServerConfig.defaults().withAddress("127.0.0.1", 0)
                .withWatch(ServeWatch.to(output, true, false));
        int port;
        try (LabServer server = LabServers.start(engine, config, EndpointRegistry.defaults());
             Socket s = new Socket("127.0.0.1", server.port())) {
            port = s.getLocalPort();
            s.getOutputStream().write(upgrade("/websocket/echo", "Sec-WebSocket-Key: abc\r\n", "13", ""));
            assertTrue(RawUpgrade.head(s.getInputStream()).startsWith("HTTP/1.1 400 "));
        }
        output.close();
        assertEquals("#1 127.0.0.1:" + port + " GET /websocket/echo → 400 KEY_IS_16_BYTES_BASE64 "
                + "(RFC 6455 §4.2.1 (5) / §4.1 (7): \"abc\" is not base64 of 16 bytes)",
                printed.toString().lines().findFirst().orElse(""), printed.toString());
    }

    // RFC 9110 §5.5: obs-text in a field value is kept, not refused, by both engines
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFieldValueWithObsTextIsAccepted(Engine engine) throws Exception {
        byte[] request = upgrade("/websocket/echo", "Sec-WebSocket-Key: " + KEY + "\r\n", "13", "X-Note: caf\u00e9\r\n");
        try (Socket s = new Socket("127.0.0.1", SERVERS.get(engine).port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request);
            String head = RawUpgrade.head(s.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 101 "), head + (head.contains("101") ? "" : new String(
                    s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    // only upgrades are judged: plain HTTP to an endpoint's path, a path with no endpoint and the index are Jetty's
    @Test
    void requestsThatAreNoUpgradeToAnEndpointPassUntouched() throws Exception {
        byte[] plain = "GET /websocket/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertTrue(refusalTo(Engine.JETTY, plain).startsWith("HTTP/1.1 404 "));
        String nothing = refusalTo(Engine.JETTY, upgrade("/nothing", "Sec-WebSocket-Key: abc\r\n", "8", "Connection: close\r\n"));
        assertTrue(nothing.startsWith("HTTP/1.1 404 "), nothing);
        assertFalse(nothing.contains("VERSION_13") || nothing.contains("KEY_IS_16"), nothing);
        String index = refusalTo(Engine.JETTY, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(index.startsWith("HTTP/1.1 200 ") && index.contains("/websocket/echo"), index);
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    /** Reads one unmasked text frame of a short payload, inflating it when RSV1 says it is compressed (RFC 7692 §6.2). */
    private static String textOf(InputStream in, boolean deflate) throws Exception {
        byte[] h = in.readNBytes(2);
        assertEquals(0x1, h[0] & 0x0f, "opcode");
        assertTrue((h[1] & 0x80) == 0 && (h[1] & 0x7f) < 126, "an unmasked short frame");
        byte[] payload = in.readNBytes(h[1] & 0x7f);
        boolean compressed = (h[0] & 0x40) != 0;
        assertTrue(deflate || !compressed, "RSV1 without permessage-deflate");
        if (!compressed) {
            return new String(payload, StandardCharsets.UTF_8);
        }
        Inflater inflater = new Inflater(true);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        inflater.setInput(concat(payload, new byte[] {0, 0, (byte) 0xff, (byte) 0xff}));
        byte[] buf = new byte[64];
        int n;
        while ((n = inflater.inflate(buf)) > 0) {
            text.write(buf, 0, n);
        }
        inflater.end();
        return text.toString(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
