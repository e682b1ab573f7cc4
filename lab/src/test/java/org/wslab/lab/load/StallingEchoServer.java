package org.wslab.lab.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.transport.Acceptor;
import org.wslab.framing.transport.EchoHandler;
import org.wslab.framing.transport.Listener;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;

/**
 * A raw echo server on one loop of our transport (RFC 6455 §5.6) that stalls once: the loop thread
 * sleeps for {@code stallMillis} on the {@code after}-th message, as a server would in a long GC
 * pause, so every connection's echoes wait behind it.
 */
final class StallingEchoServer implements AutoCloseable {
    private final Transport transport = Transport.start(TransportSettings.defaults().withLoops(1));
    private final Listener listener;
    private final AtomicInteger messages = new AtomicInteger();

    StallingEchoServer(int after, long stallMillis) throws IOException {
        listener = transport.listen(new InetSocketAddress("127.0.0.1", 0), Acceptor.serving(
                new ServerHandshake(ServerPolicy.defaults()), EngineSettings.defaults(), () -> new EchoHandler() {
                    @Override
                    public void onBinary(byte[] data) {
                        if (messages.incrementAndGet() == after) {
                            sleep(stallMillis);
                        }
                        super.onBinary(data);
                    }
                }));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String uri() {
        return "ws://127.0.0.1:" + listener.port() + "/";
    }

    @Override
    public void close() {
        listener.close();
        transport.close();
    }
}
