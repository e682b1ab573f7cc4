package org.wslab.conformance.servers;

import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A Jetty connector on 127.0.0.1, port 0, speaking HTTP/1.1 and h2c (RFC 9113 §3.3), as the test servers share it. */
final class H2c {
    private H2c() {}

    /** The connector, added to {@code server}; {@code enableConnect} sends SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 (RFC 8441 §3). */
    static ServerConnector connector(Server server, boolean enableConnect) {
        HttpConfiguration config = new HttpConfiguration();
        HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(config);
        h2c.setConnectProtocolEnabled(enableConnect);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config), h2c);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        return connector;
    }
}
