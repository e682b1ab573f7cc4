package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;

/**
 * After DISCONNECT (STOMP 1.2 "DISCONNECT") the lab's server sends its RECEIPT, starts the closing
 * handshake with 1000, and — once the client's Close answers it — closes TCP first (RFC 6455
 * §7.1.1), on both engines: the client reads the server's FIN, not the end of its own read timeout.
 * The timeout ({@link #FIN_WAIT_MILLIS}) is under the engine's close timeout of 5 s, which is what
 * a server that stopped reading after its own Close would wait for before it gave up.
 */
class StompClosingHandshakeTest {
    static final int FIN_WAIT_MILLIS = 3_000;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theServerClosesTcpOnceTheClientsCloseArrives(Engine engine) throws Exception {
        LabServerConfig local = LabServerConfig.defaults().withAddress("127.0.0.1", 0);
        try (LabServer server = LabServers.start(engine, local, EndpointRegistry.defaults());
             Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            out.write(("GET /websocket/app HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: v12.stomp\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            sendMasked(out, 0x1, "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0");
            assertTrue(text(readFrame(in, 0x1)).startsWith("CONNECTED\n"));
            sendMasked(out, 0x1, "DISCONNECT\nreceipt:bye\n\n\0");
            assertEquals("RECEIPT\nreceipt-id:bye\n\n\0", text(readFrame(in, 0x1)));
            byte[] close = readFrame(in, 0x8);
            assertArrayEquals(new byte[] {0x03, (byte) 0xe8}, java.util.Arrays.copyOf(close, 2), "close code 1000");
            sendMasked(out, 0x8, new String(new byte[] {0x03, (byte) 0xe8}, StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(FIN_WAIT_MILLIS);
            try {
                assertEquals(-1, in.read(), "nothing after the closing handshake but the server's FIN");
            } catch (SocketTimeoutException e) {
                throw new AssertionError(engine + ": the server did not close TCP after the closing handshake", e);
            }
        }
    }

    private static String readHead(DataInputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            head.write(in.readUnsignedByte());
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** One unmasked server frame (payload < 126 octets here) of {@code opcode}. */
    private static byte[] readFrame(DataInputStream in, int opcode) throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        assertEquals(0x80 | opcode, b0, "FIN and opcode");
        assertTrue(b1 < 126, "a short unmasked frame");
        byte[] payload = new byte[b1];
        in.readFully(payload);
        return payload;
    }

    private static void sendMasked(OutputStream out, int opcode, String payload) throws IOException {
        byte[] p = payload.getBytes(StandardCharsets.ISO_8859_1);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        f.write(0x80 | p.length);
        f.write(mask);
        for (int i = 0; i < p.length; i++) {
            f.write(p[i] ^ mask[i % 4]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
