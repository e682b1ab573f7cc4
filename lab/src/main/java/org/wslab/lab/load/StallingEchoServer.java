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
 * An echo server on one loop of our transport (RFC 6455 §5.6) that stalls once: the loop thread
 * sleeps for {@code stallMillis} on the {@code after}-th message, as a server would in a long GC
 * pause, so every connection's echoes wait behind it. It is the stalled server that shows
 * coordinated omission: the book runs {@code wslab load} against it live, and the tests prove
 * the intended-time correction with it.
 */
public final class StallingEchoServer implements AutoCloseable {
    private final Transport transport = Transport.start(TransportSettings.defaults().withLoops(1));
    private final Listener listener;
    private final AtomicInteger messages = new AtomicInteger();

    /**
     * Starts listening on a free loopback port.
     *
     * @param after       the message (counted over every connection, from 1) on which the loop stalls
     * @param stallMillis how long it stalls
     */
    public StallingEchoServer(int after, long stallMillis) throws IOException {
        listener = transport.listen(new InetSocketAddress("127.0.0.1", 0), Acceptor.serving(
                new ServerHandshake(ServerPolicy.defaults()), EngineSettings.defaults(), () -> new EchoHandler() {
                    @Override
                    public void onBinary(byte[] data) {
                        stallOn(messages.incrementAndGet(), after, stallMillis);
                        super.onBinary(data);
                    }

                    @Override
                    public void onText(byte[] utf8) {
                        stallOn(messages.incrementAndGet(), after, stallMillis);
                        super.onText(utf8);
                    }
                }));
    }

    private static void stallOn(int message, int after, long millis) {
        if (message != after) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The URL to load, {@code ws://127.0.0.1:PORT/}. */
    public String uri() {
        return "ws://127.0.0.1:" + listener.port() + "/";
    }

    /** Stops listening and closes every connection. */
    @Override
    public void close() {
        listener.close();
        transport.close();
    }
}
