package org.wslab.framing.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.ServerOpening;
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
        transport = Transport.start(settings);
        ServerHandshake handshake = new ServerHandshake(ServerPolicy.defaults().withPermessageDeflate(true));
        listener = transport.listen(new InetSocketAddress("127.0.0.1", 0), now -> new Acceptor.Accepted(
                Connection.server(new ServerOpening(handshake), EngineSettings.defaults(), now), handlers.get()));
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

    @Override
    public void close() {
        listener.close();
        transport.close();
    }

    /** Echoes text and binary; pauses reading while its outbound queue is full. */
    static final class Echo implements WebSocketHandler {
        private WebSocketChannel channel;

        @Override
        public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
            channel = ch;
        }

        @Override
        public void onText(byte[] utf8) {
            channel.sendText(utf8);
            pauseIfFull();
        }

        @Override
        public void onBinary(byte[] data) {
            channel.sendBinary(data);
            pauseIfFull();
        }

        private void pauseIfFull() {
            if (!channel.writable()) {
                channel.pauseReading();
            }
        }

        @Override
        public void onWritable() {
            channel.resumeReading();
        }
    }
}
