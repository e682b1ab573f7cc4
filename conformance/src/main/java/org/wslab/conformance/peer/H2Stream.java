package org.wslab.conformance.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.Headers;

/**
 * One CONNECT stream of an {@link H2Session}: the server's response HEADERS, then — once a 2xx
 * accepted the WebSocket (RFC 8441 §5) — RFC 6455 frames both ways in DATA frames, the stream standing
 * for the TCP connection of RFC 6455. Our frames are masked as a client's (§5.1, §5.3), cut into DATA
 * writes as the case's {@link Chop} says; the server's are decoded in the client role. As RFC 8441 §5
 * maps it, the server's END_STREAM is a TCP FIN and its RST_STREAM a TCP reset: both are
 * {@link Observation.TcpClosed}. At most {@link #INBOX_DATA_FRAMES} DATA frames wait unread; past that
 * no more are asked for, and HTTP/2 flow control holds the server back. One case thread, fed by Jetty's.
 */
public final class H2Stream implements FramePeer {
    /** DATA frames read from the server and not yet decoded, at most (16 KiB each by default, RFC 9113 §4.2). */
    public static final int INBOX_DATA_FRAMES = 256;
    /** How long one DATA write may wait for flow-control credit before the write is given up. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private sealed interface Chunk {}

    private record Bytes(byte[] bytes) implements Chunk {}

    private record End(String how) implements Chunk {}

    private final WireLog log;
    private final InboundFrames inbound;
    private final Random maskKeys = new SecureRandom();
    /** One slot more than the DATA frames asked for: the end always fits. */
    private final BlockingQueue<Chunk> inbox = new ArrayBlockingQueue<>(INBOX_DATA_FRAMES + 1);
    private final AtomicBoolean endQueued = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final CompletableFuture<H2Response> response = new CompletableFuture<>();
    private volatile Stream stream;
    private H2Response answer;
    private String endedHow;
    private boolean writeFailed;

    H2Stream(WireLog log) {
        this.log = log;
        this.inbound = new InboundFrames(Role.CLIENT, log);
    }

    Stream.Listener listener() {
        return new Stream.Listener() {
            @Override
            public void onHeaders(Stream s, HeadersFrame frame) {
                if (frame.getMetaData() instanceof MetaData.Response r && !response.isDone()) {
                    List<HeaderField> fields = new ArrayList<>();
                    for (HttpField f : r.getHttpFields()) {
                        fields.add(new HeaderField(f.getName().toLowerCase(java.util.Locale.ROOT), f.getValue()));
                    }
                    response.complete(new H2Response(r.getStatus(), new Headers(fields), frame.isEndStream()));
                }
                if (frame.isEndStream()) {
                    ended("the server ended the stream (END_STREAM on HEADERS)");
                } else {
                    s.demand();
                }
            }

            @Override
            public void onDataAvailable(Stream s) {
                Stream.Data data = s.readData();
                if (data == null) {
                    s.demand();
                    return;
                }
                ByteBuffer b = data.frame().getByteBuffer();
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                boolean last = data.frame().isEndStream();
                data.release();
                if (bytes.length > 0) {
                    inbox.add(new Bytes(bytes));
                }
                if (last) {
                    ended("the server ended the stream (END_STREAM, RFC 8441 §5: TCP's FIN)");
                } else if (inbox.remainingCapacity() > 1) {
                    s.demand();
                } else {
                    paused.set(true);
                    if (inbox.remainingCapacity() > 1 && paused.compareAndSet(true, false)) {
                        s.demand(); // the case thread emptied the inbox before it could see the pause
                    }
                }
            }

            @Override
            public void onReset(Stream s, ResetFrame frame, Callback callback) {
                ended("the server reset the stream (RST_STREAM " + ErrorCode.toString(frame.getError(), "error "
                        + frame.getError()) + ", RFC 8441 §5: a TCP reset)");
                callback.succeeded();
            }

            @Override
            public void onFailure(Stream s, int error, String reason, Throwable failure, Callback callback) {
                ended("the stream failed: " + ErrorCode.toString(error, "error " + error) + " " + reason);
                callback.succeeded();
            }
        };
    }

    /** The stream opened; waits at most {@code timeout} for the response HEADERS. */
    void opened(Stream s, Duration timeout) throws InterruptedException {
        stream = s;
        try {
            answer = response.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            log.note("← HEADERS (stream " + s.getId() + ")\n" + answer.describe());
        } catch (TimeoutException e) {
            log.note("no response HEADERS within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            log.note("no response HEADERS: " + e.getCause());
        }
    }

    /** Called from any thread when the stream or its connection ends; the first reason is kept. */
    void ended(String how) {
        if (endQueued.compareAndSet(false, true)) {
            inbox.add(new End(how));
            response.completeExceptionally(new IOException(how));
        }
    }

    /** The server's response HEADERS, if they came in time. */
    public Optional<H2Response> response() {
        return Optional.ofNullable(answer);
    }

    @Override
    public WireLog log() {
        return log;
    }

    @Override
    public void send(List<WireFrame> frames, Chop chop) throws IOException {
        FrameWrites.send(frames, chop, Role.CLIENT, maskKeys, log, this::data);
    }

    /** Writes {@code bytes} in one DATA write (Jetty splits it at the peer's frame size and window, RFC 9113 §6.1). */
    private void data(byte[] bytes) throws IOException {
        Stream s = stream;
        if (s == null || writeFailed || endedHow != null) {
            log.note("not written, the stream is over: " + bytes.length + " bytes");
            return;
        }
        try {
            s.data(new DataFrame(s.getId(), ByteBuffer.wrap(bytes), false)).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            log.sent(bytes);
        } catch (ExecutionException | TimeoutException e) {
            writeFailed = true;
            log.note("DATA write failed: " + (e.getCause() == null ? e : e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Resets the stream with CANCEL (RFC 8441 §5: a TCP reset), leaving the connection's other streams be. */
    public void reset() {
        Stream s = stream;
        log.note("→ RST_STREAM CANCEL (RFC 8441 §5: a TCP reset)");
        if (s != null) {
            s.reset(new ResetFrame(s.getId(), ErrorCode.CANCEL_STREAM_ERROR.code), Callback.NOOP);
        }
    }

    /** The stream's end in its own words (END_STREAM, RST_STREAM or a failed stream, RFC 8441 §5). */
    @Override
    public String closedText(Observation.TcpClosed closed) {
        return closed.how();
    }

    @Override
    public String closedText() {
        return "ended the stream (RFC 8441 §5: the stream's end stands for TCP's close, RFC 6455 §7.1.1)";
    }

    @Override
    public Observation next(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Observation decoded = inbound.decode();
            if (decoded != null) {
                return decoded;
            }
            if (endedHow != null) {
                return new Observation.TcpClosed(endedHow);
            }
            Chunk c;
            try {
                c = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (c == null) {
                log.note("silence for " + timeout.toMillis() + " ms");
                return new Observation.Silence(timeout.toMillis());
            }
            if (paused.compareAndSet(true, false)) {
                stream.demand();
            }
            if (c instanceof Bytes b) {
                log.received(b.bytes());
                inbound.keep(b.bytes(), 0, b.bytes().length);
            } else if (c instanceof End e) {
                endedHow = e.how();
                log.note(e.how());
            }
        }
    }
}
