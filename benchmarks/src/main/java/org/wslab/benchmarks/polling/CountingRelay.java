package org.wslab.benchmarks.polling;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback in front of a server that counts every octet it forwards, both ways:
 * what the application protocols put on the wire (HTTP heads and bodies, WebSocket frames), not
 * TCP/IP's own headers. Counted before it is forwarded, so once a client has received a reply its
 * octets are in the count. At most {@link #MAX_CONNECTIONS} connections; more are closed at once.
 */
final class CountingRelay implements AutoCloseable {
    /** Connections relayed at once. */
    static final int MAX_CONNECTIONS = 16;

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong octets = new AtomicLong();
    private final List<Socket> sockets = new ArrayList<>();

    private CountingRelay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** A relay to {@code 127.0.0.1:targetPort}, listening on a free loopback port. */
    static CountingRelay to(int targetPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CountingRelay relay = new CountingRelay(s, targetPort);
        daemon(relay::accept, "bench-relay");
        return relay;
    }

    /** {@code http://127.0.0.1:port/} of the relay. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    /** Octets forwarded so far, both directions. */
    long octets() {
        return octets.get();
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
                    daemon(() -> pump(client, server), "bench-relay-up");
                    daemon(() -> pump(server, client), "bench-relay-down");
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                octets.addAndGet(n);
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: the other pump ends too when its socket is closed
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
