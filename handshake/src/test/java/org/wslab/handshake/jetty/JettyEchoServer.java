package org.wslab.handshake.jetty;

import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.wslab.handshake.SubprotocolPolicy;

/**
 * An embedded Jetty 12 server on an ephemeral port with an echo endpoint at {@code /echo}. Its
 * creator picks a sub-protocol from {@code supported} with the given policy, written the way an
 * application on Jetty does it (Jetty itself picks none); permessage-deflate is Jetty's own.
 */
public final class JettyEchoServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;

    private JettyEchoServer(List<String> supported, SubprotocolPolicy policy) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container ->
                container.addMapping("/echo", (req, resp, cb) -> {
                    chooseTheJettyWay(policy, supported, req, resp);
                    return new EchoEndpoint();
                })));
        server.start();
    }

    /** Sub-protocol choice written against Jetty's own API, independent of SubprotocolPolicy.choose. */
    private static void chooseTheJettyWay(SubprotocolPolicy policy, List<String> supported,
                                          ServerUpgradeRequest req, ServerUpgradeResponse resp) {
        if (policy == SubprotocolPolicy.CLIENT_ORDER) {
            for (String offered : req.getSubProtocols()) {
                if (supported.contains(offered)) {
                    resp.setAcceptedSubProtocol(offered);
                    return;
                }
            }
        } else {
            for (String mine : supported) {
                if (req.hasSubProtocol(mine)) {
                    resp.setAcceptedSubProtocol(mine);
                    return;
                }
            }
        }
    }

    /** Starts a server supporting these sub-protocols (in preference order). */
    public static JettyEchoServer start(SubprotocolPolicy policy, String... supported) throws Exception {
        return new JettyEchoServer(List.of(supported), policy);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public URI echoUri() {
        return URI.create("ws://127.0.0.1:" + port() + "/echo");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        }
    }
}
