package org.wslab.tutorials.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A real message broker for the book: an embedded ActiveMQ Artemis with one acceptor speaking
 * STOMP over plain TCP (STOMP 1.2 "Connecting") on a free port of 127.0.0.1, {@code /queue/} as
 * anycast and {@code /topic/} as multicast addresses, persistence, security and JMX off, its data
 * folder a temporary directory deleted by {@link #close()}. Artemis reports no bound port for
 * port 0, so a free port is picked just before it binds.
 */
public final class ArtemisBroker implements AutoCloseable {
    private final EmbeddedActiveMQ artemis = new EmbeddedActiveMQ();
    private final Path data;
    private final int port;

    private ArtemisBroker(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts the broker; its STOMP acceptor listens when this returns. */
    public static ArtemisBroker start() throws Exception {
        Path data = Files.createTempDirectory("wslab-artemis");
        ArtemisBroker broker = new ArtemisBroker(data, freePort());
        try {
            Configuration config = new ConfigurationImpl();
            config.setBrokerInstance(data.toFile()); // its journal, bindings, paging folders go under it
            config.setPersistenceEnabled(false);
            config.setSecurityEnabled(false);
            config.setJMXManagementEnabled(false);
            // a dead-letter and an expiry address for every address, so Artemis does not warn that they are missing
            config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of("DLQ"))
                    .setExpiryAddress(SimpleString.of("ExpiryQueue")));
            config.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + broker.port
                    + "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/");
            broker.artemis.setConfiguration(config);
            broker.artemis.start();
            return broker;
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    /** The port of the STOMP acceptor. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:port}, as {@code wslab serve --relay} takes it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker and deletes its data folder. */
    @Override
    public void close() throws Exception {
        try {
            artemis.stop();
        } finally {
            deleteTree(data);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
