package org.wslab.handshake.jetty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.SubprotocolPolicy;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.deflate.DeflateNegotiator;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.testkit.Hex;

/** Interop: our client handshake over a plain socket against a real Jetty 12 endpoint (port 0). */
class OurClientAgainstJettyTest {
    private JettyEchoServer server;

    @BeforeEach
    void start() throws Exception {
        server = JettyEchoServer.start(SubprotocolPolicy.CLIENT_ORDER, "v12.stomp", "v11.stomp", "v10.stomp");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private WebSocketUri uri() {
        return assertInstanceOf(WebSocketUri.Parse.Valid.class, WebSocketUri.parse(server.echoUri().toString())).uri();
    }

    @Test
    void handshakeSucceedsThenAMaskedTextFrameIsEchoed() throws Exception {
        ClientHandshake hs = ClientHandshake.create(uri(), ClientOptions.defaults()
                .withSubprotocols("v10.stomp", "v11.stomp", "v12.stomp")
                .withExtensions(DeflateNegotiator.defaultClientOffer()));
        try (RawSocketClient client = new RawSocketClient(server.port())) {
            ResponseHead head = client.handshake(hs);
            ClientVerdict.Accepted ok = assertInstanceOf(ClientVerdict.Accepted.class, hs.validate(head));
            assertEquals(Optional.of("v10.stomp"), ok.subprotocol());
            assertEquals(Optional.of(DeflateParameters.DEFAULTS), ok.deflate());

            // RFC 6455 §5.7 "Hello" masked with 37 fa 21 3d; RSV1 clear = sent uncompressed (RFC 7692 §6)
            byte[] hello = Frames.masked(Frames.FIN_TEXT, "Hello".getBytes(StandardCharsets.US_ASCII),
                    Hex.bytes("37 fa 21 3d"));
            assertArrayEquals(Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"), hello);
            client.socket.getOutputStream().write(hello);

            // Jetty compresses its echo (permessage-deflate is on): RSV1 set, §7.2.3.1 bytes of "Hello"
            byte[] header = client.readExactly(2);
            assertEquals(0xC1, header[0] & 0xFF, "FIN + RSV1 (compressed) + text");
            byte[] payload = client.readExactly(header[1]);
            assertArrayEquals(Hex.bytes("f2 48 cd c9 c9 07 00"), payload, "RFC 7692 §7.2.3.1");

            client.socket.getOutputStream().write(Frames.masked(Frames.FIN_CLOSE, Hex.bytes("03 e8"), Hex.bytes("00 00 00 00")));
            assertEquals(Frames.FIN_CLOSE, client.readExactly(1)[0] & 0xFF, "Jetty answers the close");
        }
    }

    @Test
    void withoutExtensionsTheEchoIsThePlainTextFrame() throws Exception {
        ClientHandshake hs = ClientHandshake.create(uri(), ClientOptions.defaults());
        try (RawSocketClient client = new RawSocketClient(server.port())) {
            ClientVerdict.Accepted ok = assertInstanceOf(ClientVerdict.Accepted.class, hs.validate(client.handshake(hs)));
            assertEquals(Optional.empty(), ok.subprotocol());
            assertEquals(Optional.empty(), ok.deflate());
            client.socket.getOutputStream().write(Frames.masked(Frames.FIN_TEXT,
                    "Hello".getBytes(StandardCharsets.US_ASCII), Hex.bytes("37 fa 21 3d")));
            assertArrayEquals(Hex.bytes("81 05 48 65 6c 6c 6f"), client.readExactly(7), "RFC 6455 §5.7 unmasked Hello");
            client.socket.getOutputStream().write(Frames.masked(Frames.FIN_CLOSE, Hex.bytes("03 e8"), Hex.bytes("00 00 00 00")));
            assertEquals(Frames.FIN_CLOSE, client.readExactly(1)[0] & 0xFF);
        }
    }

    @Test
    void jettyRefusesAnotherVersionAndOurVerdictSaysWhy() throws Exception {
        ClientHandshake hs = ClientHandshake.create(uri(), ClientOptions.defaults().withHeader("Sec-WebSocket-Version", "8"));
        try (RawSocketClient client = new RawSocketClient(server.port())) {
            ResponseHead head = client.handshake(hs);
            ClientVerdict.Rejected no = assertInstanceOf(ClientVerdict.Rejected.class, hs.validate(head));
            assertEquals(org.wslab.handshake.spec.HandshakeRule.STATUS_101, no.rule());
            assertEquals(true, head.status() >= 400, "status " + head.status());
        }
    }
}
