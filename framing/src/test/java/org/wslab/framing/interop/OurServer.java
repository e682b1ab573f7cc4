package org.wslab.framing.interop;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.tls.ServerTls;
import org.wslab.framing.transport.Acceptor;
import org.wslab.framing.transport.Listener;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;

/** Our engine as a server on the NIO transport, port 0, default handshake policy: for interop tests. */
final class OurServer implements AutoCloseable {
    private final Transport transport;
    private final Listener listener;

    OurServer(EngineSettings settings, Supplier<WebSocketHandler> handlers) throws IOException {
        this(settings, handlers, null);
    }

    /** {@code tls}: serve {@code wss://} with it, or null for plain TCP. */
    OurServer(EngineSettings settings, Supplier<WebSocketHandler> handlers, ServerTls tls) throws IOException {
        transport = Transport.start(TransportSettings.defaults());
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        Acceptor acceptor = Acceptor.serving(new ServerHandshake(ServerPolicy.defaults()), settings,
                handlers);
        listener = tls == null ? transport.listen(any, acceptor) : transport.listen(any, tls, acceptor);
    }

    int port() {
        return listener.port();
    }

    @Override
    public void close() {
        listener.close();
        transport.close();
    }
}
