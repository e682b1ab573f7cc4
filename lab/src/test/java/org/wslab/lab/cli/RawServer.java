package org.wslab.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A hand-made server on a raw socket, port 0, for the handshake command's bad-server cases: it
 * reads the request head (to its empty line), then answers fixed bytes and closes — or, with
 * {@code null}, says nothing and keeps the connection open until closed.
 */
final class RawServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> open = new ArrayList<>();
    private final AtomicReference<byte[]> answer;

    RawServer(byte[] answer) throws IOException {
        this.answer = new AtomicReference<>(answer);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that answers nothing, ever. */
    static RawServer silent() throws IOException {
        return new RawServer(null);
    }

    /** What the next connections are answered. */
    void answer(byte[] bytes) {
        answer.set(bytes);
    }

    int port() {
        return server.getLocalPort();
    }

    String url(String path) {
        return "ws://127.0.0.1:" + port() + path;
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                byte[] answer = this.answer.get();
                synchronized (open) {
                    open.add(s);
                }
                readHead(s.getInputStream());
                if (answer != null) {
                    s.getOutputStream().write(answer);
                    s.getOutputStream().flush();
                    s.close();
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0; // counts the bytes of CR LF CR LF seen in a row
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (open) {
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
