package org.wslab.lab.server;

import java.net.URI;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.wslab.lab.engines.LabServers;

/**
 * The lab server a test runs against: started on 127.0.0.1 port 0 with the default endpoints,
 * closed after each test. Register it as a field,
 * {@code @RegisterExtension final TestServer server = new TestServer();}, then
 * {@code server.start(Engine.WSLAB, c -> c.withMaxMessageSize(1024))}.
 */
public final class TestServer implements AfterEachCallback {
    private LabServer running;

    /** Starts {@code engine} with the lab's defaults on a free port. */
    public LabServer start(Engine engine) throws Exception {
        return start(engine, UnaryOperator.identity());
    }

    /** Starts {@code engine} with the defaults changed by {@code settings}, on a free port. */
    public LabServer start(Engine engine, UnaryOperator<LabServerConfig> settings) throws Exception {
        close();
        running = LabServers.start(engine, settings.apply(LabServerConfig.defaults().withAddress("127.0.0.1", 0)),
                EndpointRegistry.defaults());
        return running;
    }

    /** The server started last. */
    public LabServer get() {
        if (running == null) {
            throw new IllegalStateException("no server started");
        }
        return running;
    }

    /** The {@code ws://} URL of the echo endpoint. */
    public URI echoUri() {
        return get().webSocketUri(LabEndpoint.echo());
    }

    /** The {@code wss://} URL of the echo endpoint (the server must listen for TLS). */
    public URI secureEchoUri() {
        return get().secureWebSocketUri(LabEndpoint.echo()).orElseThrow();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
