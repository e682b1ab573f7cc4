package org.wslab.conformance.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.servers.EngineEcho;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.codec.Violation;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** The byte-level peer: any frame on the wire, every byte logged, a closed socket and silence as observations. */
class RawPeerTest {
    private static final Duration T = Duration.ofSeconds(2);

    // RFC 6455 §5.2: any FIN, RSV and opcode a case asks for is what goes on the wire, masked (§5.3) as a client's
    @Test
    void aWireFrameEncodesExactlyTheBitsAsked() {
        Props.qt(200).forAll(integers().between(0, 15), integers().between(0, 7), ByteGens.bytes(0, 300), integers().all())
                .checkAssert((opcode, rsv, payload, key) -> {
                    byte[] wire = new WireFrame(true, rsv, opcode, true, payload).encode(key);
                    assertEquals(0x80 | rsv << 4 | opcode, wire[0] & 0xFF);
                    FrameDecoder server = new FrameDecoder(DecoderSettings.defaults(Role.SERVER).withAllowedRsv(0b111));
                    DecodeResult r = server.decode(ByteBuffer.wrap(wire));
                    if (Opcode.of(opcode).isEmpty()) {
                        assertEquals(Violation.RESERVED_OPCODE, ((DecodeResult.Failed) r).error().violation());
                    } else if (Opcode.of(opcode).get().isControl() && payload.length > 125) {
                        assertEquals(Violation.CONTROL_TOO_LONG, ((DecodeResult.Failed) r).error().violation());
                    } else {
                        Frame f = ((DecodeResult.Decoded) r).frame();
                        assertEquals(rsv, f.rsv());
                        assertArrayEquals(payload, f.payload());
                    }
                });
    }

    @Test
    void aReservedOpcodeIsNamedInTheTrace() {
        String trace = WireFrame.of(true, 0xB, new byte[0]).unmasked().trace(0);
        assertTrue(trace.startsWith("8b "), trace);
        assertTrue(trace.contains("opcode=0xB (reserved, §5.2)"), trace);
    }

    @Test
    void everyByteBothWaysIsLoggedInOrder() throws Exception {
        try (EngineEcho engine = new EngineEcho(); RawPeer peer = RawPeer.connect(engine.uri(), T)) {
            assertInstanceOf(ClientVerdict.Accepted.class, peer.openingHandshake(T));
            peer.send(List.of(WireFrame.text("héllo")), Chop.PER_OCTET);
            Frame echo = ((Observation.Received) peer.next(T)).frame();
            assertEquals("héllo", new String(echo.payload(), StandardCharsets.UTF_8));
            List<WireEvent> events = peer.log().events();
            long sentWrites = events.stream().filter(e -> e.direction() == WireEvent.Direction.SENT).count();
            assertEquals(1 + 2 + 4 + 6, sentWrites, "the request, then one write per octet of header, key and payload");
            for (int i = 1; i < events.size(); i++) {
                assertTrue(events.get(i).atNanos() >= events.get(i - 1).atNanos());
            }
            assertTrue(peer.log().render().contains("text \"héllo\""), peer.log().render());
        }
    }

    // RFC 6455 §4.2.2: a case may write its own request; a server refusing version 12 answers 426 with the versions it speaks
    @Test
    void aCaseMaySendItsOwnHandshakeRequest() throws Exception {
        try (EngineEcho engine = new EngineEcho(); RawPeer peer = RawPeer.connect(engine.uri(), T)) {
            String request = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 12\r\n\r\n";
            ParseResult<ResponseHead> r = peer.request(request.getBytes(StandardCharsets.US_ASCII), T);
            if (!(r instanceof ParseResult.Parsed<ResponseHead> parsed)) {
                throw new AssertionError("no response head: " + r);
            }
            ResponseHead head = parsed.head();
            assertEquals(426, head.status());
            assertEquals("13", head.headers().first("Sec-WebSocket-Version").orElseThrow());
            assertTrue(peer.log().render().contains("Sec-WebSocket-Version: 12"), peer.log().render());
        }
    }

    // a server that accepts and says nothing, then one that closes: silence and the closed socket are observations
    @Test
    void silenceAndAClosedConnectionAreObservations() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
            try (RawPeer peer = RawPeer.connect(uri, T)) {
                Socket accepted = server.accept();
                Observation quiet = peer.next(Duration.ofMillis(100));
                assertEquals(100, assertInstanceOf(Observation.Silence.class, quiet).waitedMillis());
                accepted.close();
                assertInstanceOf(Observation.TcpClosed.class, peer.next(T));
                peer.send(List.of(WireFrame.text("too late")), Chop.ONE_WRITE); // a no-op, noted
                assertInstanceOf(Observation.TcpClosed.class, peer.next(T));
            }
        }
    }

    // RFC 6455 §4.1: a server that closes before its response head ends fails the handshake, no exception
    @Test
    void aServerThatHangsUpDuringTheHandshakeIsARejection() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
            Thread t = new Thread(() -> {
                try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
                    in.read(new byte[4096]);
                    s.getOutputStream().write("HTTP/1.1 101 Switching".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception ignored) {
                    // the test sees the result on the client side
                }
            });
            t.start();
            try (RawPeer peer = RawPeer.connect(uri, T)) {
                ClientVerdict v = peer.openingHandshake(T);
                ClientVerdict.Rejected r = assertInstanceOf(ClientVerdict.Rejected.class, v);
                assertTrue(r.detail().contains("closed the connection"), r.detail());
            }
            t.join();
        }
    }

    // RFC 9110 §5.4: a server may refuse a head over its limit (431) before it is all written; that early answer is
    // the response, not frame bytes, even when the peer took it in between the slices of its own write
    @Test
    void aResponseThatArrivesWhileALargeRequestIsWrittenIsTheResponse() throws Exception {
        byte[] answer = "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread refuser = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write(answer); // at once, then read on so the client's writes go through
                    s.getInputStream().readAllBytes();
                } catch (Exception gone) {
                    // the client closed first
                }
            });
            refuser.setDaemon(true);
            refuser.start();
            byte[] request = ("GET / HTTP/1.1\r\nX-Padding: " + "a".repeat(3 * RawPeer.WRITE_SLICE) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            try (RawPeer peer = RawPeer.connect(URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/"), T)) {
                ParseResult<ResponseHead> r = peer.request(request, T);
                assertTrue(r instanceof ParseResult.Parsed<ResponseHead> p && p.head().status() == 431, r.toString());
            }
        }
    }
}
