package org.wslab.lab.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a server that counts every octet it forwards, each direction
 * apart: what HTTP and WebSocket put on the wire (heads, bodies, frames), not TCP/IP's own headers.
 * Octets are counted before they are forwarded, so once a client has read a reply its octets are in
 * the count. A {@link #capturing} relay also keeps the first {@link #CAPTURED} octets of each
 * direction of the first {@link #CAPTURED_CONNECTIONS} connections, to show a raw exchange.
 *
 * <p>Bounded: at most {@link #MAX_CONNECTIONS} connections at once (one more is closed at once, and
 * {@link #refused()} counts it); a connection's slot is freed when both of its directions ended.
 */
public final class WireRelay implements AutoCloseable {
    /** Connections relayed at once. */
    public static final int MAX_CONNECTIONS = 16;
    /** Octets kept per direction per connection by a capturing relay. */
    public static final int CAPTURED = 64 * 1024;
    /** Connections a capturing relay keeps captures of (the first ones). */
    public static final int CAPTURED_CONNECTIONS = 64;

    private final ServerSocket listener;
    private final int targetPort;
    private final boolean capturing;
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Capture> captures = new ArrayList<>();

    /** One relayed connection's first octets, client to server and back. */
    public record Capture(ByteArrayOutputStream up, ByteArrayOutputStream down) {
        /** The first octets the client sent. */
        public byte[] sent() {
            synchronized (up) {
                return up.toByteArray();
            }
        }

        /** The first octets the server sent. */
        public byte[] received() {
            synchronized (down) {
                return down.toByteArray();
            }
        }
    }

    /** Counts so far: client to server, server to client. */
    public record Count(long up, long down) {
        /** Both directions. */
        public long total() {
            return up + down;
        }

        /** What was counted since {@code earlier}. */
        public Count minus(Count earlier) {
            return new Count(up - earlier.up, down - earlier.down);
        }

        /** This and {@code other} added, direction by direction. */
        public Count plus(Count other) {
            return new Count(up + other.up, down + other.down);
        }
    }

    private WireRelay(ServerSocket listener, int targetPort, boolean capturing) {
        this.listener = listener;
        this.targetPort = targetPort;
        this.capturing = capturing;
    }

    /** A counting relay to {@code 127.0.0.1:targetPort}, listening on a free loopback port. */
    public static WireRelay to(int targetPort) throws IOException {
        return start(targetPort, false);
    }

    /** A relay that counts and also keeps each connection's first octets ({@link #captured}). */
    public static WireRelay capturing(int targetPort) throws IOException {
        return start(targetPort, true);
    }

    private static WireRelay start(int targetPort, boolean capturing) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        WireRelay relay = new WireRelay(s, targetPort, capturing);
        daemon(relay::accept, "wire-relay");
        return relay;
    }

    /** The relay's port; clients connect here instead of to the server. */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:port/} of the relay. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Octets forwarded so far. */
    public Count count() {
        return new Count(up.get(), down.get());
    }

    /** Connections closed at once because {@link #MAX_CONNECTIONS} were open. */
    public long refused() {
        return refused.get();
    }

    /** The captures of the connections relayed so far, in the order they were accepted (empty unless capturing). */
    public List<Capture> captured() {
        synchronized (sockets) {
            return List.copyOf(captures);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                synchronized (sockets) {
                    if (sockets.size() >= 2 * MAX_CONNECTIONS) {
                        refused.incrementAndGet();
                        client.close();
                        continue;
                    }
                    Socket server;
                    try {
                        server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    } catch (IOException unreachable) {
                        client.close(); // the client sees the server's refusal as a closed connection
                        continue;
                    }
                    client.setTcpNoDelay(true);
                    server.setTcpNoDelay(true);
                    sockets.add(client);
                    sockets.add(server);
                    Optional<Capture> c = Optional.empty();
                    if (capturing && captures.size() < CAPTURED_CONNECTIONS) {
                        c = Optional.of(new Capture(new ByteArrayOutputStream(), new ByteArrayOutputStream()));
                        captures.add(c.get());
                    }
                    Optional<Capture> capture = c;
                    AtomicInteger ended = new AtomicInteger();
                    Runnable done = () -> {
                        if (ended.incrementAndGet() == 2) {
                            release(client, server);
                        }
                    };
                    daemon(() -> pump(client, server, up, capture.map(Capture::up), done), "wire-relay-up");
                    daemon(() -> pump(server, client, down, capture.map(Capture::down), done), "wire-relay-down");
                }
            } catch (IOException e) {
                return; // the listener is closed
            }
        }
    }

    private void release(Socket client, Socket server) {
        closeQuietly(client);
        closeQuietly(server);
        synchronized (sockets) {
            sockets.remove(client);
            sockets.remove(server);
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter, Optional<ByteArrayOutputStream> capture,
            Runnable done) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                counter.addAndGet(n);
                if (capture.isPresent()) {
                    ByteArrayOutputStream c = capture.get();
                    synchronized (c) {
                        c.write(buffer, 0, Math.max(0, Math.min(n, CAPTURED - c.size())));
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from); // one side went away: closing both ends the other direction's pump too
            closeQuietly(to);
        } finally {
            done.run();
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (sockets) {
            sockets.forEach(WireRelay::closeQuietly);
            sockets.clear();
        }
    }
}
