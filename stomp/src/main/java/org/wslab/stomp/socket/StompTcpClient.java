package org.wslab.stomp.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.client.StompClientOutput;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.session.ClientConnectOptions;

/**
 * A STOMP client over a plain TCP socket (STOMP's native transport, as spoken by Artemis and
 * RabbitMQ on port 61613): one reader thread per connection feeds a {@link StompClient};
 * writes go straight to the socket; heart-beats tick on a shared scheduler.
 */
public final class StompTcpClient implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final StompLimits limits;
    private final int connectTimeoutMillis;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stomp-tcp-heartbeat");
        t.setDaemon(true);
        return t;
    });

    /** A client with default limits and a 10 s connect timeout. */
    public StompTcpClient() {
        this(StompLimits.DEFAULT, 10_000);
    }

    public StompTcpClient(StompLimits limits, int connectTimeoutMillis) {
        this.limits = limits;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * Connects, sends CONNECT, completes once CONNECTED arrives (subProtocol is null: no WebSocket).
     * Never blocks the caller: the TCP connect (bounded by the connect timeout) and the reads run on
     * the connection's own thread. Completing the future exceptionally from outside (a timeout, a
     * cancel) closes the socket.
     */
    public CompletableFuture<StompConnection> connect(String host, int port, ClientConnectOptions options) {
        CompletableFuture<StompConnection> result = new CompletableFuture<>();
        Socket socket = new Socket();
        result.whenComplete((c, e) -> {
            if (e != null) {
                closeQuietly(socket);
            }
        });
        Thread reader = new Thread(() -> run(socket, host, port, options, result), "stomp-tcp-" + IDS.incrementAndGet());
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private void run(Socket socket, String host, int port, ClientConnectOptions options,
                     CompletableFuture<StompConnection> result) {
        StompClient client;
        try {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            client = new StompClient(new StompClientOutput() {
                @Override
                public void write(byte[] octets) {
                    synchronized (out) {
                        try {
                            out.write(octets);
                            out.flush();
                        } catch (IOException e) {
                            close();
                        }
                    }
                }

                @Override
                public void close() {
                    closeQuietly(socket);
                }
            }, limits);
        } catch (IOException e) {
            closeQuietly(socket);
            result.completeExceptionally(e);
            return;
        }
        client.connect(options, System.nanoTime()).whenComplete((f, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else if (result.complete(new StompConnection(client, null))) {
                scheduleTicks(client);
            }
        });
        read(socket, client);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void read(Socket socket, StompClient client) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                client.receive(buf, 0, n, System.nanoTime());
            }
        } catch (IOException e) {
            // the connection ended
        } finally {
            client.transportClosed();
        }
    }

    private void scheduleTicks(StompClient client) {
        if (scheduler.isShutdown()) {
            return;
        }
        long next = client.tick(System.nanoTime());
        if (next != Long.MAX_VALUE) {
            long delay = Math.max(1_000_000, next - System.nanoTime());
            scheduler.schedule(() -> scheduleTicks(client), delay, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
