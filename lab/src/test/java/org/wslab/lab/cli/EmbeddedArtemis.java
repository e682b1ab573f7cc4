package org.wslab.lab.cli;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An embedded ActiveMQ Artemis for the relay tests: one STOMP acceptor on plain TCP with
 * {@code /queue/} anycast and {@code /topic/} multicast prefixes, no persistence, no security,
 * data under target/. Artemis cannot report a port it picked, so a free one is found just before.
 */
final class EmbeddedArtemis implements AutoCloseable {
    final int port;
    private final EmbeddedActiveMQ artemis = new EmbeddedActiveMQ();

    EmbeddedArtemis() throws Exception {
        port = freePort();
        Path data = Path.of("target", "artemis-lab-" + port).toAbsolutePath();
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

    static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        artemis.stop();
    }
}
