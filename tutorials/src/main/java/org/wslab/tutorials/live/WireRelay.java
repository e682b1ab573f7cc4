package org.wslab.tutorials.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a lab server that counts every octet it forwards, each
 * direction apart — what HTTP and WebSocket put on the wire (heads, bodies, frames), not TCP/IP's
 * own headers — and keeps the first {@link #CAPTURED} octets of each direction of each connection,
 * so a chapter can show the raw exchange. Octets are counted before they are forwarded: once a
 * client has read a reply, its octets are in the count. At most {@link #MAX_CONNECTIONS} connections;
 * one more is closed at once.
 */
public final class WireRelay implements AutoCloseable {
    /** Connections relayed at once. */
    public static final int MAX_CONNECTIONS = 16;
    /** Octets kept per direction per connection for {@link #captured}. */
    public static final int CAPTURED = 64 * 1024;

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong up = new AtomicLong();
    private final AtomicLong down = new AtomicLong();
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
    }

    private WireRelay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** A relay to {@code 127.0.0.1:targetPort}, listening on a free loopback port. */
    public static WireRelay to(int targetPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        WireRelay relay = new WireRelay(s, targetPort);
        daemon(relay::accept, "tour-relay");
        return relay;
    }

    /** The relay's port; clients connect here instead of to the server. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Octets forwarded so far. */
    public Count count() {
        return new Count(up.get(), down.get());
    }

    /** The captures of the connections relayed so far, in the order they were accepted. */
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
                        client.close();
                        continue;
                    }
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    client.setTcpNoDelay(true);
                    server.setTcpNoDelay(true);
                    sockets.add(client);
                    sockets.add(server);
                    Capture c = new Capture(new ByteArrayOutputStream(), new ByteArrayOutputStream());
                    captures.add(c);
                    daemon(() -> pump(client, server, up, c.up()), "tour-relay-up");
                    daemon(() -> pump(server, client, down, c.down()), "tour-relay-down");
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter, ByteArrayOutputStream capture) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                counter.addAndGet(n);
                synchronized (capture) {
                    capture.write(buffer, 0, Math.max(0, Math.min(n, CAPTURED - capture.size())));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: the other pump ends when its socket is closed
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        synchronized (sockets) {
            for (Socket s : sockets) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
    }
}
