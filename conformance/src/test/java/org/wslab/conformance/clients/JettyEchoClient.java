package org.wslab.conformance.clients;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.wslab.conformance.servers.JettyEcho;

/**
 * Jetty 12's {@link WebSocketClient} as an echo client, the way Autobahn's fuzzingserver is driven:
 * {@code count} connections to a URL one after another, each echoing every text and binary message
 * until the server ends it.
 */
public final class JettyEchoClient implements EchoClient {
    /** Message and frame limit: above the 4 MiB of the representative limits cases. */
    static final long LIMIT = 16L * 1024 * 1024;

    @Override
    public void run(URI uri, int count, long caseMillis) throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.setMaxTextMessageSize(LIMIT);
        client.setMaxBinaryMessageSize(LIMIT);
        client.setMaxFrameSize(LIMIT);
        client.start();
        try {
            for (int i = 0; i < count; i++) {
                JettyEcho.Echo echo = new JettyEcho.Echo();
                try {
                    client.connect(echo, uri).get(caseMillis, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException refused) {
                    continue; // a refused upgrade (every case handed out): the server judges that, not us
                }
                echo.awaitEnd(caseMillis + 2_000);
            }
        } finally {
            client.stop();
        }
    }

    @Override
    public String toString() {
        return "Jetty 12 WebSocketClient";
    }
}
