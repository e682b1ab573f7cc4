package org.wslab.framing.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.ConnectionState;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/** A blocking client that writes and reads one byte per system call: the worst split a peer can make. */
final class OneByteClient implements AutoCloseable {
    final Connection connection;
    private final Socket socket;
    private final Deque<Event> events = new ArrayDeque<>();

    OneByteClient(WebSocketUri uri, int port) throws IOException {
        this(uri, new Socket("127.0.0.1", port));
    }

    /** Over a connected {@code socket}: a JDK {@code SSLSocket} makes each written byte a TLS record of its own. */
    OneByteClient(WebSocketUri uri, Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        connection = Connection.client(new ClientOpening(ClientHandshake.create(uri, ClientOptions.defaults())),
                EngineSettings.defaults(), System.nanoTime());
    }

    /** A small receive window, so a peer that never reads fills up soon. */
    void shrinkReceiveBuffer() throws IOException {
        socket.setReceiveBufferSize(4096);
    }

    void open() throws IOException {
        flush();
        Event e = nextMessage();
        if (!(e instanceof Event.HandshakeCompleted)) {
            throw new IOException("handshake failed: " + e);
        }
    }

    void sendText(String text) throws IOException {
        connection.sendText(text);
        flush();
    }

    private void flush() throws IOException {
        OutputStream out = socket.getOutputStream();
        for (ByteBuffer b : connection.takeOutput()) {
            while (b.hasRemaining()) {
                out.write(b.get());
                out.flush();
            }
        }
    }

    /** The next event other than a ping or pong, reading one byte per call. */
    Event nextMessage() throws IOException {
        InputStream in = socket.getInputStream();
        while (events.isEmpty()) {
            if (connection.state() == ConnectionState.CLOSED) {
                throw new IOException("closed");
            }
            int b = in.read();
            events.addAll(b < 0 ? connection.receiveEof(System.nanoTime())
                    : connection.receive(ByteBuffer.wrap(new byte[] {(byte) b}), System.nanoTime()));
            flush();
        }
        return events.poll();
    }

    Socket socket() {
        return socket;
    }

    int readByte() throws IOException {
        return socket.getInputStream().read();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connection.close();
    }
}
