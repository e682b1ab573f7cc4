package org.wslab.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A hand-made server on a raw socket, port 0, for the handshake command's bad-server cases: it
 * reads the request head (to its empty line), then answers fixed bytes and closes — or, with
 * {@code null}, says nothing and keeps the connection open until closed — or misbehaves as a
 * {@link Misbehaviour} says — or answers bytes computed from the request's key, then ends as a
 * server should (RFC 6455 §7.1.1): FIN first, then reading until the client's end, so no reset can
 * destroy what it sent.
 */
final class RawServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> open = new ArrayList<>();
    private final AtomicReference<byte[]> answer;
    private final Misbehaviour misbehaviour;
    private final Function<String, byte[]> reply;

    RawServer(byte[] answer) throws IOException {
        this(answer, null, null);
    }

    private RawServer(byte[] answer, Misbehaviour misbehaviour, Function<String, byte[]> reply) throws IOException {
        this.answer = new AtomicReference<>(answer);
        this.misbehaviour = misbehaviour;
        this.reply = reply;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that answers every request as {@code m} says (a 101 it computes from the request's key). */
    static RawServer misbehaving(Misbehaviour m) throws IOException {
        return new RawServer(null, m, null);
    }

    /** A server that answers {@code reply} of the request's key at once, then ends gracefully. */
    static RawServer replyingThenEnding(Function<String, byte[]> reply) throws IOException {
        return new RawServer(null, null, reply);
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
                if (reply != null) {
                    s.getOutputStream().write(reply.apply(key(head)));
                    s.getOutputStream().flush();
                    s.shutdownOutput();
                    s.setSoTimeout(10_000);
                    try {
                        while (s.getInputStream().read(new byte[512]) >= 0) {
                            // what the client still sends, until its end
                        }
                    } catch (java.net.SocketTimeoutException slow) {
                        // the client never ended: give up on it
                    }
                    s.close();
                } else if (misbehaviour != null) {
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
