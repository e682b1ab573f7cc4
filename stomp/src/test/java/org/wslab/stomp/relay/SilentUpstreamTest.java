package org.wslab.stomp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.socket.StompTcpClient;

/**
 * The relay's upstream CONNECT comes from {@link RelaySettings#upstreamConnect()} and asks for
 * heart-beats; an upstream that answers CONNECTED and then falls silent (a half-open TCP connection:
 * no FIN, no data) is dropped after twice the negotiated interval (STOMP 1.2 "Heart-beating") and
 * treated as an outage: the relay reconnects, the client session is not failed.
 */
class SilentUpstreamTest {
    /** A STOMP "broker" that answers CONNECTED with heart-beat 50,50 and then never sends a byte. */
    private ServerSocket silent;
    private final BlockingQueue<String> connects = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> cutOff = new LinkedBlockingQueue<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private StompTcpClient tcp;
    private RelayBroker relay;

    @BeforeEach
    void start() throws IOException {
        silent = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            int n = 0;
            while (!silent.isClosed()) {
                try {
                    Socket s = silent.accept();
                    accepted.add(s);
                    int index = ++n;
                    Thread t = new Thread(() -> serveSilently(s, index));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        tcp = new StompTcpClient();
    }

    private void serveSilently(Socket s, int index) {
        try (InputStream in = s.getInputStream()) {
            ByteArrayOutputStream connect = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) > 0) {
                connect.write(b);
            }
            connects.add(connect.toString(StandardCharsets.UTF_8));
            s.getOutputStream().write("CONNECTED\nversion:1.2\nheart-beat:50,50\n\n\0".getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            while (in.read() >= 0) {
                // the relay's heart-beats arrive; we answer nothing
            }
            cutOff.add(index); // the relay closed its end
        } catch (IOException e) {
            cutOff.add(index);
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (relay != null) {
            relay.close();
        }
        tcp.close();
        silent.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void aSilentUpstreamIsAnOutageAndTheRelayReconnects() throws Exception {
        RelaySettings settings = RelaySettings.DEFAULT
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .withUpstreamLogin("/", "guest", "secret")
                .withUpstreamHeartBeat(new HeartBeat(50, 50));
        int port = silent.getLocalPort();
        relay = new RelayBroker((sessionId, connect) -> tcp.connect("127.0.0.1", port, connect), settings);
        BlockingQueue<StompViolation> failures = new LinkedBlockingQueue<>();
        org.wslab.stomp.broker.Mailbox[] box = new org.wslab.stomp.broker.Mailbox[1];
        box[0] = new org.wslab.stomp.broker.Mailbox(org.wslab.stomp.broker.MailboxLimits.DEFAULT, () -> {
            for (org.wslab.stomp.broker.MailboxItem i; (i = box[0].poll()) != null; ) {
                if (i instanceof org.wslab.stomp.broker.MailboxItem.BrokerFailed f) {
                    failures.add(f.violation());
                }
            }
        });
        BrokerConnection c = relay.connect("s1", box[0]);

        String first = connects.poll(10, TimeUnit.SECONDS);
        assertNotNull(first, "the relay never connected upstream");
        // the CONNECT says what the settings say: RabbitMQ's default vhost, the login, the heart-beats
        assertTrue(first.contains("\nhost:/\n"), first);
        assertTrue(first.contains("\nlogin:guest\n") && first.contains("\npasscode:secret\n"), first);
        assertTrue(first.contains("\nheart-beat:50,50\n"), first);

        // silent past 2 x 50 ms: the relay cuts the first connection off …
        assertEquals(1, cutOff.poll(10, TimeUnit.SECONDS), "the relay never dropped the silent upstream");
        // … and, as for any outage, connects again instead of failing the client session
        assertNotNull(connects.poll(10, TimeUnit.SECONDS), "the relay did not reconnect after the silence");
        assertTrue(failures.isEmpty(), () -> "client session failed: " + failures);
        c.close();
    }

    @Test
    void theDefaultUpstreamConnectAsksForHeartBeatsWithTheDefaultVirtualHost() {
        // RabbitMQ reads host as its virtual host ("/" is the default one); heart-beats notice half-open links
        assertEquals("/", RelaySettings.DEFAULT.upstreamConnect().host());
        assertEquals(new HeartBeat(10_000, 10_000), RelaySettings.DEFAULT.upstreamConnect().heartBeat());
        assertEquals(null, RelaySettings.DEFAULT.upstreamConnect().login());
    }
}
