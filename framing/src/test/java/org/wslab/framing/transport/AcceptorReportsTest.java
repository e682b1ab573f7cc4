package org.wslab.framing.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.ServerOpening;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;

/** What an {@link Acceptor} is told: each accepted peer's address, and each connection refused 503 over the limit. */
class AcceptorReportsTest {
    private static final TransportSettings ONE_LOOP = TransportSettings.defaults().withLoops(1).withMaxConnections(1);

    // RFC 9110 §15.6.4: the refused connection is reported with its address and the limit; the accepted one with its address
    @Test
    void theAcceptorSeesEachPeerAndEachRefusal() throws Exception {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        ServerHandshake handshake = new ServerHandshake(ServerPolicy.defaults());
        Acceptor acceptor = new Acceptor() {
            @Override
            public Accepted accept(long nowNanos) {
                return new Accepted(Connection.server(new ServerOpening(handshake), EngineSettings.defaults(), nowNanos),
                        new EchoHandler());
            }

            @Override
            public Accepted accept(long nowNanos, InetSocketAddress remote) {
                seen.add("accepted " + remote.getPort());
                return accept(nowNanos);
            }

            @Override
            public void refused(InetSocketAddress remote, int limit, long nowNanos) {
                seen.add("refused " + remote.getPort() + " limit " + limit);
            }
        };
        try (Transport server = Transport.start(ONE_LOOP)) {
            Listener listener = server.listen(new InetSocketAddress("127.0.0.1", 0), acceptor);
            try (Socket held = new Socket("127.0.0.1", listener.port())) {
                assertEquals("accepted " + held.getLocalPort(), seen.poll(10, TimeUnit.SECONDS));
                try (Socket extra = new Socket("127.0.0.1", listener.port())) {
                    InputStream in = extra.getInputStream();
                    String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    assertTrue(answer.startsWith("HTTP/1.1 503 "), answer);
                    assertEquals("refused " + extra.getLocalPort() + " limit 1", seen.poll(10, TimeUnit.SECONDS));
                }
            }
            assertEquals(List.of(), List.copyOf(seen));
        }
    }
}
