package org.wslab.benchmarks.polling;

import java.net.URI;
import org.wslab.lab.common.WireRelay;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.jetty.JettyLabServer;
import org.wslab.lab.server.jetty.updates.PublishResult;

/**
 * The lab's Jetty server with its update feed and one client waiting for updates one way: the
 * server publishes, the client receives. Shared by the benchmark and its wire-bytes count.
 */
final class UpdateRig implements AutoCloseable {
    /** The four ways, by benchmark method name. */
    enum Way { POLLING, LONG_POLLING, SSE, WEBSOCKET }

    final JettyLabServer server;
    final UpdateClient client;
    private final WireRelay relay;
    private final String data;

    private UpdateRig(JettyLabServer server, UpdateClient client, WireRelay relay, String data) {
        this.server = server;
        this.client = client;
        this.relay = relay;
        this.data = data;
    }

    /**
     * Starts a server and a client of {@code way} for updates of {@code size} octets, through a
     * {@link WireRelay} when {@code relayed}; a poller polls every {@code pollEveryMillis} (0: once after each publish).
     */
    static UpdateRig open(Way way, int size, boolean relayed, long pollEveryMillis) throws Exception {
        JettyLabServer server = JettyLabServer.start(LabServerConfig.defaults().withAddress("127.0.0.1", 0),
                EndpointRegistry.defaults());
        WireRelay relay = null;
        try {
            relay = relayed ? WireRelay.to(server.port()) : null;
            URI base = relayed ? relay.baseUri() : server.baseUri();
            UpdateClient client = switch (way) {
                case POLLING -> new PollingClient(base, pollEveryMillis);
                case LONG_POLLING -> new LongPollingClient(base);
                case SSE -> new EventStreamClient(base);
                case WEBSOCKET -> new WebSocketUpdateClient(base);
            };
            UpdateRig rig = new UpdateRig(server, client, relay, "u".repeat(size));
            rig.awaitReady();
            return rig;
        } catch (Exception | Error e) {
            if (relay != null) {
                relay.close();
            }
            server.close();
            throw e;
        }
    }

    /** The relay in front of the server, when opened relayed. */
    WireRelay relay() {
        return relay;
    }

    /** The update every operation publishes. */
    String data() {
        return data;
    }

    /**
     * Waits (bounded) until the client's request or subscription is at the server: a held long
     * poll, an open event stream, a subscribed WebSocket; a plain poller holds nothing.
     */
    void awaitReady() throws InterruptedException {
        int wanted = client instanceof PollingClient ? 0 : 1;
        for (int i = 0; i < 2_000 && server.updates().subscribers() != wanted; i++) {
            Thread.sleep(1);
        }
        if (server.updates().subscribers() != wanted) {
            throw new IllegalStateException("the client is not waiting at the server");
        }
    }

    /** One operation: the server publishes one update, the client receives it; returns what it got. */
    String deliver() {
        PublishResult r = server.updates().publish(data);
        if (!(r instanceof PublishResult.Published p)) {
            throw new IllegalStateException("not published: " + r);
        }
        client.published();
        return client.await(p.update().seq());
    }

    @Override
    public void close() {
        client.close();
        if (relay != null) {
            relay.close();
        }
        server.close();
    }
}
