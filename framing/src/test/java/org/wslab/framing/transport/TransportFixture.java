package org.wslab.framing.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ServerTls;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.WebSocketUri;

/** A server transport on port 0 with a handler per connection, and client connections to it. */
final class TransportFixture implements AutoCloseable {
    final Transport transport;
    final Listener listener;

    TransportFixture(TransportSettings settings, Supplier<WebSocketHandler> handlers) throws IOException {
        this(settings, handlers, null);
    }

    /** {@code tls}: a {@code wss://} listener, or null for plain TCP. */
    TransportFixture(TransportSettings settings, Supplier<WebSocketHandler> handlers, ServerTls tls) throws IOException {
        transport = Transport.start(settings);
        ServerHandshake handshake = new ServerHandshake(ServerPolicy.defaults().withPermessageDeflate(true));
        Acceptor acceptor = Acceptor.serving(handshake, EngineSettings.defaults(), handlers);
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        listener = tls == null ? transport.listen(any, acceptor) : transport.listen(any, tls, acceptor);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", listener.port());
    }

    WebSocketUri uri() {
        return ((WebSocketUri.Parse.Valid) WebSocketUri.parse("ws://127.0.0.1:" + listener.port() + "/echo")).uri();
    }

    /** A client connection on {@code on} to this server. */
    WebSocketChannel connect(Transport on, WebSocketHandler handler) throws IOException {
        Connection c = Connection.client(new ClientOpening(ClientHandshake.create(uri(), ClientOptions.defaults())),
                EngineSettings.defaults(), System.nanoTime());
        return on.connect(address(), c, handler);
    }

    /** A {@code wss://} client connection on {@code on} to this server. */
    WebSocketChannel connect(Transport on, WebSocketHandler handler, ClientTls tls) throws IOException {
        Connection c = Connection.client(new ClientOpening(ClientHandshake.create(uri(), ClientOptions.defaults())),
                EngineSettings.defaults(), System.nanoTime());
        return on.connect(address(), tls, c, handler);
    }

    @Override
    public void close() {
        listener.close();
        transport.close();
    }
}
