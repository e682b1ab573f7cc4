package org.wslab.lab.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relay forwards octets unchanged both ways and counts each one once, per direction; a
 * capturing relay keeps what it forwarded; no more than {@link WireRelay#MAX_CONNECTIONS} are open
 * at once (one more is refused and counted), and a finished connection frees its slot.
 */
class WireRelayTest {

    /** A target that, on each of {@code connections} connections, reads 100 octets, echoes them and adds 23 zeros. */
    private static Thread serveOnce(ServerSocket target, int connections) {
        Thread server = new Thread(() -> {
            for (int i = 0; i < connections; i++) {
                try {
                    Socket s = target.accept();
                    Thread each = new Thread(() -> {
                        try (s) {
                            byte[] got = s.getInputStream().readNBytes(100);
                            OutputStream out = s.getOutputStream();
                            out.write(got);
                            out.write(new byte[23]);
                            out.flush();
                        } catch (Exception e) {
                            // the test's client went away
                        }
                    });
                    each.setDaemon(true);
                    each.start();
                } catch (Exception e) {
                    return;
                }
            }
        });
        server.setDaemon(true);
        server.start();
        return server;
    }

    private static byte[] hundred() {
        byte[] sent = new byte[100];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) i;
        }
        return sent;
    }

    private static ServerSocket target() throws Exception {
        ServerSocket target = new ServerSocket();
        target.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return target;
    }

    @Test
    void countsWhatGoesEachWayAndCapturesIt() throws Exception {
        try (ServerSocket target = target()) {
            Thread server = serveOnce(target, 1);
            try (WireRelay relay = WireRelay.capturing(target.getLocalPort());
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                byte[] sent = hundred();
                client.getOutputStream().write(sent);
                InputStream in = client.getInputStream();
                assertArrayEquals(sent, in.readNBytes(100));
                assertEquals(23, in.readNBytes(23).length);
                assertEquals(new WireRelay.Count(100, 123), relay.count());
                assertArrayEquals(sent, relay.captured().get(0).sent());
                assertEquals(123, relay.captured().get(0).received().length);
            }
            server.join();
        }
    }

    @Test
    void aCountingRelayKeepsNoCapture() throws Exception {
        try (ServerSocket target = target()) {
            serveOnce(target, 1);
            try (WireRelay relay = WireRelay.to(target.getLocalPort());
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                client.getOutputStream().write(hundred());
                assertEquals(123, client.getInputStream().readNBytes(123).length);
                assertEquals(223, relay.count().total());
                assertTrue(relay.captured().isEmpty());
            }
        }
    }

    @Test
    void oneConnectionMoreThanTheLimitIsRefusedAndAFinishedOneFreesItsSlot() throws Exception {
        try (ServerSocket target = target(); WireRelay relay = WireRelay.to(target.getLocalPort())) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < WireRelay.MAX_CONNECTIONS; i++) {
                    open.add(new Socket(InetAddress.getLoopbackAddress(), relay.port()));
                }
                try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                    assertEquals(-1, extra.getInputStream().read(), "the relay closes the connection over its limit");
                }
                assertEquals(1, relay.refused());
                open.remove(0).close(); // both directions end: its slot is freed
                serveOnce(target, WireRelay.MAX_CONNECTIONS + 1);
                boolean served = false;
                for (int attempt = 0; attempt < 50 && !served; attempt++) {
                    try (Socket again = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                        again.getOutputStream().write(hundred());
                        served = again.getInputStream().readNBytes(123).length == 123;
                    }
                    if (!served) {
                        Thread.sleep(20); // the freed slot is released by the relay's own threads
                    }
                }
                assertTrue(served, "a connection after one ended is relayed again");
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }
}
