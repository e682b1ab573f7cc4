package org.wslab.conformance.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.transport.Acceptor;
import org.wslab.framing.transport.EchoHandler;
import org.wslab.framing.transport.Listener;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;

/** Our own engine's echo server (framing's NIO transport and {@link EchoHandler}) on an ephemeral port. */
public final class EngineEcho implements AutoCloseable {
    private final Transport transport = Transport.start(TransportSettings.defaults().withLoops(1));
    private final Listener listener;

    public EngineEcho() throws IOException {
        this(true);
    }

    /** An echo server that negotiates permessage-deflate (RFC 7692) or, with {@code false}, declines it. */
    public EngineEcho(boolean permessageDeflate) throws IOException {
        Acceptor acceptor = Acceptor.serving(new ServerHandshake(ServerPolicy.defaults().withPermessageDeflate(permessageDeflate)),
                EngineSettings.defaults(), EchoHandler::new);
        listener = transport.listen(new InetSocketAddress("127.0.0.1", 0), acceptor);
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + listener.port() + "/echo");
    }

    @Override
    public void close() {
        listener.close();
        transport.close();
    }
}
