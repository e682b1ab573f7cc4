package org.wslab.conformance.peer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HostPortHttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.GoAwayFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.SettingsFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.wslab.framing.tls.ClientTls;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.http.HeaderField;

/**
 * An HTTP/2 connection to the server under test, for WebSocket over HTTP/2 (RFC 8441): opened with
 * prior knowledge (RFC 9113 §3.3) to a {@code ws://} URL's host and port, or inside TLS with h2 offered by
 * ALPN (RFC 9113 §3.2, RFC 7301) to a {@code wss://} URL's, the server's first SETTINGS
 * read (whether it sends {@code SETTINGS_ENABLE_CONNECT_PROTOCOL = 1}, RFC 8441 §3), then any number of
 * CONNECT streams ({@link #connect}), each an {@link H2Stream} carrying RFC 6455 frames in its DATA.
 * HTTP/2 framing, HPACK and flow control are Jetty's {@link HTTP2Client}; what the case sends and what
 * the server answers — the HEADERS as notes, the DATA bytes as they are — go into one {@link WireLog}.
 */
public final class H2Session implements AutoCloseable {
    /** RFC 8441 §3: the setting's identifier, 0x8. */
    public static final int ENABLE_CONNECT_PROTOCOL = SettingsFrame.ENABLE_CONNECT_PROTOCOL;
    private static HTTP2Client client;

    private final WebSocketUri uri;
    private final WireLog log = new WireLog();
    private final CompletableFuture<Map<Integer, Integer>> settings = new CompletableFuture<>();
    private final List<H2Stream> streams = new CopyOnWriteArrayList<>();
    private volatile Session session;
    /** The TLS of a {@code wss://} URL, or null for h2c. */
    private SslContextFactory.Client tls;
    private volatile String ended;

    /** A connection that opened but speaks no HTTP/2 (no SETTINGS came), or a target this checker reaches no HTTP/2 at. */
    public static final class NotHttp2 extends IOException {
        NotHttp2(String message) {
            super(message);
        }
    }

    private H2Session(WebSocketUri uri) {
        this.uri = uri;
    }

    /**
     * Connects to {@code uri}'s host and port (inside TLS for {@code wss://}, trusted as {@code tls} says
     * or, empty, as the system trusts), sends the client preface and waits at most {@code timeout}
     * for the server's SETTINGS (RFC 9113 §3.4).
     *
     * @throws NotHttp2    when none comes: an HTTP/1.1-only server answers the preface with an error, and
     *                     inside TLS one agrees no h2 by ALPN
     * @throws IOException when no TCP connection opens
     */
    public static H2Session open(WebSocketUri uri, Duration timeout, Optional<ClientTls> tls) throws IOException {
        H2Session s = new H2Session(uri);
        CompletableFuture<Session> opened = new CompletableFuture<>();
        s.log.note((uri.secure() ? "HTTP/2 connection inside TLS, h2 offered by ALPN (RFC 9113 §3.2)"
                : "HTTP/2 connection with prior knowledge (RFC 9113 §3.3)") + " to " + uri.host() + ":" + uri.port()
                + "; HTTP/2 frames are noted, the bytes shown are DATA payloads: the WebSocket bytes");
        InetSocketAddress address = new InetSocketAddress(uri.host(), uri.port());
        if (uri.secure()) {
            s.tls = Http2Tls.factory(tls.orElseGet(() -> RawPeer.systemTls(uri)));
            shared().connect(s.tls, address, s.listener(), Promise.from(opened));
        } else {
            shared().connect(address, s.listener(), Promise.from(opened));
        }
        long millis = Math.max(1, timeout.toMillis());
        try {
            s.session = opened.get(millis, TimeUnit.MILLISECONDS);
            Map<Integer, Integer> first = s.settings.get(millis, TimeUnit.MILLISECONDS);
            s.log.note("← SETTINGS " + named(first));
            return s;
        } catch (TimeoutException e) {
            s.close();
            throw new NotHttp2("no SETTINGS frame from the server within " + millis + " ms (RFC 9113 §3.4):"
                    + s.speaksNo());
        } catch (ExecutionException e) {
            s.close();
            if (s.session == null) {
                throw new IOException("could not connect to " + uri.host() + ":" + uri.port() + ": " + e.getCause(), e.getCause());
            }
            throw new NotHttp2("the connection ended before the server's SETTINGS (RFC 9113 §3.4): "
                    + Optional.ofNullable(s.ended).orElse(String.valueOf(e.getCause().getMessage())) + " —" + s.speaksNo());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            s.close();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code settings} with the names of RFC 9113 §6.5.2 and RFC 8441 §3, e.g. {@code ENABLE_CONNECT_PROTOCOL(0x8)=1}. */
    public static String named(Map<Integer, Integer> settings) {
        String[] names = {null, "HEADER_TABLE_SIZE", "ENABLE_PUSH", "MAX_CONCURRENT_STREAMS", "INITIAL_WINDOW_SIZE",
            "MAX_FRAME_SIZE", "MAX_HEADER_LIST_SIZE", null, "ENABLE_CONNECT_PROTOCOL"};
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(settings).forEach((id, value) -> b.append(b.length() == 0 ? "" : ", ")
                .append(id > 0 && id < names.length && names[id] != null ? names[id] : "unknown").append("(0x")
                .append(Integer.toHexString(id)).append(")=").append(value));
        return "{" + b + "}";
    }

    /** Why there is no HTTP/2 here, in the words of how it was asked for. */
    private String speaksNo() {
        return tls == null ? " it speaks no HTTP/2 with prior knowledge on this port"
                : " it agreed no h2 by ALPN (RFC 9113 §3.2), or speaks no HTTP/2 inside TLS";
    }

    /** One HTTP/2 client for every case: daemon threads, started once. */
    private static synchronized HTTP2Client shared() throws IOException {
        if (client == null) {
            QueuedThreadPool pool = new QueuedThreadPool();
            pool.setName("conformance-h2");
            pool.setDaemon(true);
            HTTP2Client c = new HTTP2Client();
            c.setExecutor(pool);
            c.setScheduler(new ScheduledExecutorScheduler("conformance-h2-scheduler", true));
            try {
                c.start();
            } catch (Exception e) {
                throw new IOException("Jetty's HTTP/2 client did not start", e);
            }
            client = c;
        }
        return client;
    }

    private Session.Listener listener() {
        return new Session.Listener() {
            @Override
            public void onSettings(Session s, SettingsFrame frame) {
                if (!settings.isDone()) {
                    settings.complete(Map.copyOf(frame.getSettings()));
                }
            }

            @Override
            public void onGoAway(Session s, GoAwayFrame frame) {
                end("GOAWAY " + ErrorCode.toString(frame.getError(), "error " + frame.getError())
                        + Optional.ofNullable(frame.tryConvertPayload()).filter(t -> !t.isEmpty()).map(t -> " (" + t + ")").orElse(""));
            }

            @Override
            public void onClose(Session s, GoAwayFrame frame, Callback callback) {
                end("the HTTP/2 connection closed");
                callback.succeeded();
            }

            @Override
            public void onFailure(Session s, Throwable failure, Callback callback) {
                end("the HTTP/2 connection failed" + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")"));
                callback.succeeded();
            }
        };
    }

    private void end(String how) {
        if (ended == null) {
            ended = how;
        }
        settings.completeExceptionally(new IOException(how));
        for (H2Stream s : streams) {
            s.ended(how);
        }
    }

    /** The URL whose host and port the connection goes to, and whose path the CONNECTs name. */
    public WebSocketUri uri() {
        return uri;
    }

    /** Both ways so far, every stream's. */
    public WireLog log() {
        return log;
    }

    /** The server's first SETTINGS (RFC 9113 §6.5), as identifier → value. */
    public Map<Integer, Integer> settings() {
        return settings.getNow(Map.of());
    }

    /** Whether the server sent {@code SETTINGS_ENABLE_CONNECT_PROTOCOL} with value 1 (RFC 8441 §3). */
    public boolean connectProtocolEnabled() {
        return settings().getOrDefault(ENABLE_CONNECT_PROTOCOL, 0) == 1;
    }

    /**
     * Opens a stream with {@code request}'s HEADERS and waits at most {@code timeout} for the server's
     * response HEADERS; the stream answers {@link H2Stream#response()} empty when none came.
     */
    public H2Stream connect(H2Connect request, Duration timeout) throws IOException, InterruptedException {
        String authority = uri.hostHeader();
        String scheme = uri.secure() ? "https" : "http"; // RFC 8441 §5: https for wss, http for ws
        log.note("→ HEADERS, a new stream (RFC 8441 §4)\n" + request.describe(scheme, authority));
        HttpFields.Mutable fields = HttpFields.build();
        for (HeaderField f : request.fields()) {
            fields.add(f.name(), f.value());
        }
        MetaData.ConnectRequest meta = new MetaData.ConnectRequest(scheme, new HostPortHttpField(authority), request.path(),
                fields, request.protocol());
        H2Stream stream = new H2Stream(log);
        streams.add(stream);
        if (ended != null) {
            stream.ended(ended);
        }
        CompletableFuture<Stream> opened = new CompletableFuture<>();
        session.newStream(new HeadersFrame(meta, null, false), Promise.from(opened), stream.listener());
        try {
            stream.opened(opened.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS), timeout);
        } catch (ExecutionException | TimeoutException e) {
            log.note("the stream did not open: " + (e.getCause() == null ? e : e.getCause()));
            stream.ended("the stream did not open");
        }
        return stream;
    }

    /** Closes the connection at once (every stream with it), from any thread. */
    @Override
    public void close() {
        Session s = session;
        if (s != null) {
            s.close(ErrorCode.NO_ERROR.code, "case over", Callback.NOOP);
        }
        end("closed by the checker");
        if (tls != null) {
            try {
                tls.stop();
            } catch (Exception ignored) {
                // nothing held open
            }
        }
    }
}
