package org.wslab.conformance.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A deliberately broken WebSocket-over-HTTP/2 server on Jetty's h2c connector: it answers every CONNECT
 * on any path with a 200 — whatever its {@code :protocol} and version — carrying a
 * {@code sec-websocket-accept} and a sub-protocol nobody offered, and then says nothing more on the
 * stream: no echo, no Pong, no Close, no END_STREAM — or, with {@code endAtOnce}, ends the stream
 * straight after the 200 without a Close. With {@code enableConnect} false its SETTINGS do not enable
 * the extended CONNECT (RFC 8441 §3) at all.
 */
public final class BrokenHttp2 implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector;

    public BrokenHttp2(boolean enableConnect) throws Exception {
        this(enableConnect, false);
    }

    public BrokenHttp2(boolean enableConnect, boolean endAtOnce) throws Exception {
        connector = H2c.connector(server, enableConnect);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                response.getHeaders().put("sec-websocket-accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
                response.getHeaders().put("sec-websocket-protocol", "chat");
                if (endAtOnce) {
                    response.write(true, ByteBuffer.allocate(0), callback); // the 200, then END_STREAM
                } else {
                    response.write(false, ByteBuffer.allocate(0), Callback.NOOP); // the 200, then nothing more
                }
                return true;
            }
        });
        server.start();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/anything");
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("Jetty did not stop", e);
        }
    }
}
