package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.tls.TlsFailure;

/**
 * TLS records between the socket and the engine ({@code wss://}, RFC 6455 §4.1 (5), §10.6) on the
 * JDK's {@link SSLEngine}, without blocking: the TLS handshake (RFC 8446 §4) first — the engine's
 * opening handshake waits in the queue until it is done — then every read opens the records it
 * completes and every flush seals the queue into records. Post-handshake messages (a KeyUpdate,
 * RFC 8446 §4.6.3; a TLS 1.2 renegotiation) are answered as they come. A graceful end sends
 * close_notify (§6.1) after the last plaintext.
 *
 * <p>Bounded: a connection keeps at most the start of one record read (under 17 KiB) and the
 * records the socket has not taken — a flush seals more only once those are written; the loop's
 * {@link TlsBuffers} do the rest. The peer's first octets are kept until the handshake finishes,
 * to tell a plain HTTP server from a TLS one ({@link TlsFailure#of}).
 */
final class TlsWire implements Wire {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final int HEAD = 40;

    private final EventLoop loop;
    private final ChannelSocket socket;
    private final SSLEngine engine;
    private final int readBytes;
    private final OutboundQueue records = new OutboundQueue();
    private ByteBuffer partial;
    private byte[] head = new byte[HEAD];
    private int headLength;
    private boolean finished;
    private boolean ending;
    private boolean closeNotify;
    private boolean inboundClosed;
    private TlsFacts facts;
    private TlsFailure failure;

    /** {@code readBytes}: the most octets of records one read takes (the transport's read buffer size). */
    TlsWire(EventLoop loop, ChannelSocket socket, SSLEngine engine, int readBytes) {
        this.loop = loop;
        this.socket = socket;
        this.engine = engine;
        this.readBytes = readBytes;
    }

    /** Starts the TLS handshake (a client's ClientHello goes out with the first flush). */
    void begin() {
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            fail(e);
        }
    }

    @Override
    public int read(Sink sink) throws IOException {
        if (failure != null || inboundClosed) {
            return -1;
        }
        ByteBuffer in = loop.tlsBuffers().input(engine.getSession().getPacketBufferSize() + readBytes);
        if (partial != null) {
            in.put(partial);
            partial = null;
        }
        int start = in.position();
        in.limit(Math.min(in.capacity(), start + readBytes));
        int n;
        try {
            n = socket.read(in);
        } catch (IOException reset) {
            if (finished) {
                throw reset;
            }
            failure = TlsFailure.closed("the peer reset the connection; is it a TLS server?");
            return -1;
        }
        if (n > 0 && !finished) {
            keepHead(in, start, n);
        }
        in.flip();
        try {
            open(in, sink);
        } catch (SSLException e) {
            fail(e);
            return -1;
        }
        if (in.hasRemaining()) {
            partial = ByteBuffer.allocate(in.remaining()).put(in).flip();
        }
        if (n < 0 && !finished) {
            failure = headLength > 0 ? TlsFailure.of(new java.io.EOFException("closed"), head, headLength)
                    : TlsFailure.closed("the peer closed the connection before any TLS record");
        }
        return inboundClosed ? -1 : n;
    }

    /** Opens every whole record in {@code in}, passing plaintext on and answering handshake messages. */
    private void open(ByteBuffer in, Sink sink) throws IOException {
        while (in.hasRemaining() && !inboundClosed) {
            ByteBuffer plain = loop.tlsBuffers().plaintext(engine.getSession().getApplicationBufferSize());
            SSLEngineResult r = engine.unwrap(in, plain);
            if (plain.position() > 0) {
                sink.plaintext(plain.flip());
            }
            progress(r.getHandshakeStatus());
            switch (r.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    return; // the rest of the record is still on its way
                }
                case CLOSED -> inboundClosed = true; // the peer's close_notify
                case BUFFER_OVERFLOW, OK -> {
                    HandshakeStatus was = r.getHandshakeStatus();
                    if (r.bytesConsumed() == 0 && r.bytesProduced() == 0
                            && was != HandshakeStatus.NEED_TASK && was != HandshakeStatus.NEED_WRAP) {
                        return; // nothing to open until more arrives
                    }
                }
            }
        }
    }

    /** Runs the handshake's tasks and sends its flights while it asks for them. */
    private void progress(HandshakeStatus status) throws IOException {
        HandshakeStatus s = status;
        while (true) {
            if (s == HandshakeStatus.FINISHED) {
                finished();
                s = engine.getHandshakeStatus();
            } else if (s == HandshakeStatus.NEED_TASK) {
                Runnable task;
                while ((task = engine.getDelegatedTask()) != null) {
                    task.run(); // certificate checks and key agreement, on the loop: a lab's load
                }
                s = engine.getHandshakeStatus();
            } else if (s == HandshakeStatus.NEED_WRAP && !engine.isOutboundDone()) {
                ByteBuffer record = loop.tlsBuffers().output(engine.getSession().getPacketBufferSize());
                SSLEngineResult r = engine.wrap(EMPTY, record);
                send(record.flip());
                if (r.bytesProduced() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                    return;
                }
                s = r.getHandshakeStatus();
            } else {
                return;
            }
        }
    }

    private void finished() {
        if (!finished) {
            finished = true;
            facts = TlsFacts.of(engine.getSession(), engine.getApplicationProtocol());
            head = null;
        }
    }

    @Override
    public void flush(OutboundQueue plaintext) throws IOException {
        if (failure != null) {
            return;
        }
        try {
            while (writeRecords()) {
                HandshakeStatus s = engine.getHandshakeStatus();
                if (s == HandshakeStatus.NEED_TASK || s == HandshakeStatus.NEED_WRAP && !engine.isOutboundDone()) {
                    progress(s);
                    if (!records.isEmpty() || engine.getHandshakeStatus() != s) {
                        continue;
                    }
                    return;
                }
                if (!finished) {
                    return; // waiting for the peer's flight
                }
                if (!plaintext.isEmpty() && !engine.isOutboundDone()) {
                    ByteBuffer record = loop.tlsBuffers().output(engine.getSession().getPacketBufferSize());
                    SSLEngineResult r = plaintext.wrapInto(engine, record);
                    send(record.flip());
                    progress(r.getHandshakeStatus());
                    if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                        return; // a renegotiation holds application data back until the peer answers
                    }
                } else if (ending && !closeNotify && plaintext.isEmpty()) {
                    closeNotify = true;
                    engine.closeOutbound();
                } else {
                    return;
                }
            }
        } catch (SSLException e) {
            fail(e);
        } catch (IOException reset) {
            if (finished) {
                throw reset;
            }
            failure = TlsFailure.closed("the peer reset the connection; is it a TLS server?");
        }
    }

    /** Writes the records the socket has not taken yet; false while some are left. */
    private boolean writeRecords() throws IOException {
        return records.writeTo(socket.channel());
    }

    /** Writes a sealed record at once when nothing is ahead of it; keeps what the socket did not take. */
    private void send(ByteBuffer record) throws IOException {
        if (!record.hasRemaining()) {
            return;
        }
        if (records.isEmpty()) {
            socket.channel().write(record);
            if (!record.hasRemaining()) {
                return;
            }
        }
        records.add(ByteBuffer.allocate(record.remaining()).put(record).flip());
    }

    /** The handshake or a record failed: named once; the alert the engine has for the peer goes out if the socket takes it. */
    private void fail(SSLException e) {
        if (failure != null) {
            return;
        }
        failure = TlsFailure.of(e, head == null ? new byte[0] : head, head == null ? 0 : headLength);
        try {
            if (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                ByteBuffer record = loop.tlsBuffers().output(engine.getSession().getPacketBufferSize());
                engine.wrap(EMPTY, record);
                send(record.flip());
                writeRecords();
            }
        } catch (IOException | RuntimeException alertLost) {
            // the connection is dropped anyway; the failure is named locally
        }
    }

    private void keepHead(ByteBuffer in, int start, int n) {
        int take = Math.min(HEAD - headLength, n);
        if (take > 0) {
            in.get(start, head, headLength, take);
            headLength += take;
        }
    }

    @Override
    public boolean wantsWrite(OutboundQueue plaintext) {
        return !records.isEmpty();
    }

    @Override
    public long pendingBytes() {
        return records.bytes();
    }

    @Override
    public boolean drained(OutboundQueue plaintext) {
        return failure != null || records.isEmpty() && (plaintext.isEmpty() || !finished) && (closeNotify || !finished);
    }

    @Override
    public void ending() {
        ending = true;
    }

    @Override
    public Optional<TlsFacts> facts() {
        return Optional.ofNullable(facts);
    }

    @Override
    public Optional<TlsFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean secured() {
        return finished;
    }
}
