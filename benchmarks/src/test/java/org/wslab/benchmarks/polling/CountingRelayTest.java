package org.wslab.benchmarks.polling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The relay forwards octets unchanged both ways and counts each one once. */
class CountingRelayTest {

    @Test
    void countsWhatGoesEachWay() throws Exception {
        try (ServerSocket target = new ServerSocket()) {
            target.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread server = new Thread(() -> {
                try (Socket s = target.accept()) {
                    byte[] got = s.getInputStream().readNBytes(100);
                    OutputStream out = s.getOutputStream();
                    out.write(got);
                    out.write(new byte[23]);
                    out.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            server.start();
            try (CountingRelay relay = CountingRelay.to(target.getLocalPort());
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.baseUri().getPort())) {
                byte[] sent = new byte[100];
                for (int i = 0; i < sent.length; i++) {
                    sent[i] = (byte) i;
                }
                client.getOutputStream().write(sent);
                InputStream in = client.getInputStream();
                assertArrayEquals(sent, in.readNBytes(100));
                assertEquals(23, in.readNBytes(23).length);
                assertEquals(223, relay.octets());
            }
            server.join();
        }
    }
}
