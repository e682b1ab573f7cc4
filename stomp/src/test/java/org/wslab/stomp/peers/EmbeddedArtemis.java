package org.wslab.stomp.peers;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An embedded ActiveMQ Artemis broker for tests: one STOMP acceptor (plain TCP and STOMP over
 * WebSocket on the same port) with {@code /queue/} anycast and {@code /topic/} multicast prefixes;
 * persistence and security off; data under target/. Artemis reports no bound port for port 0, so
 * a free port is found just before binding. Shared with the lab's relay tests through this
 * module's test-jar.
 */
public final class EmbeddedArtemis implements AutoCloseable {
    /** The port of the STOMP acceptor. */
    public final int port;
    private final EmbeddedActiveMQ artemis = new EmbeddedActiveMQ();

    /** A broker on a free port. */
    public EmbeddedArtemis() throws Exception {
        this(freePort());
    }

    /** A broker on {@code port} (e.g. the same port again, to restart it). */
    public EmbeddedArtemis(int port) throws Exception {
        this.port = port;
        Path data = Path.of("target", "artemis-" + port).toAbsolutePath();
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(false)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString());
        config.setBrokerInstance(data.toFile());
        config.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + port
                + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
        artemis.setConfiguration(config);
        artemis.start();
    }

    /** A port nobody listens on right now. */
    public static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        artemis.stop();
    }
}
