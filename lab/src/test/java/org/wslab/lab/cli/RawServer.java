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
 * {@code null}, says nothing and keeps the connection open until closed — or misbehaves as a
 * {@link Misbehaviour} says.
 */
final class RawServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> open = new ArrayList<>();
    private final AtomicReference<byte[]> answer;
    private final Misbehaviour misbehaviour;

    RawServer(byte[] answer) throws IOException {
        this(answer, null);
    }

    private RawServer(byte[] answer, Misbehaviour misbehaviour) throws IOException {
        this.answer = new AtomicReference<>(answer);
        this.misbehaviour = misbehaviour;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that answers every request as {@code m} says (a 101 it computes from the request's key). */
    static RawServer misbehaving(Misbehaviour m) throws IOException {
        return new RawServer(null, m);
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
                String head = readHead(s.getInputStream());
                if (misbehaviour != null) {
                    s.getOutputStream().write(misbehaviour.answer(key(head)));
                    s.getOutputStream().flush();
                    if (misbehaviour.closes) {
                        s.close();
                    }
                } else if (answer != null) {
                    s.getOutputStream().write(answer);
                    s.getOutputStream().flush();
                    s.close();
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** The request head up to its empty line, as ISO-8859-1 text. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int state = 0; // counts the bytes of CR LF CR LF seen in a row
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString();
    }

    /** The Sec-WebSocket-Key of a request head, or an empty string. */
    private static String key(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Sec-WebSocket-Key")) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
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
