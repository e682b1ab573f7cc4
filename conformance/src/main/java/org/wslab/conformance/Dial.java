package org.wslab.conformance;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.wslab.conformance.peer.H2Session;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.conformance.peer.WireLog;
import org.wslab.framing.tls.ClientTls;

/**
 * How a case reaches the server under test, opened when the case asks and at most once: a TCP (or TLS)
 * connection for the opening handshake of RFC 6455 §4.1 ({@link #tcp()}), or an HTTP/2 connection for the
 * extended CONNECT of RFC 8441 §4 ({@link #http2()}). The case's wire log is that connection's. A
 * connection that cannot be opened throws {@link Unreachable}.
 */
public final class Dial implements AutoCloseable {
    private final URI target;
    private final Duration timeout;
    private final Optional<ClientTls> tls;
    /** Written by the case's thread, read by the watchdog's: no lock, so none is held across a connect. */
    private volatile RawPeer tcp;
    private volatile H2Session http2;
    private volatile boolean aborted;

    Dial(URI target, Duration timeout, Optional<ClientTls> tls) {
        this.target = target;
        this.timeout = timeout;
        this.tls = tls;
    }

    /** A connection to the server that could not be opened; the case is FAILED with the reason. */
    public static final class Unreachable extends IOException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The URL under test. */
    public URI target() {
        return target;
    }

    /**
     * The TCP (or, for {@code wss://}, TLS) connection to the target, opened on the first call and not
     * yet upgraded.
     *
     * @throws Unreachable when it cannot be opened
     */
    public RawPeer tcp() throws IOException {
        if (tcp == null) {
            checkOpenable();
            try {
                tcp = RawPeer.connect(target, timeout, tls);
            } catch (IOException e) {
                throw new Unreachable("could not connect to " + target + ": " + e, e);
            }
            closeIfAborted();
        }
        return tcp;
    }

    /**
     * An HTTP/2 connection to the target's host and port — with prior knowledge for a {@code ws://} URL
     * (RFC 9113 §3.3), inside TLS with ALPN {@code h2} for a {@code wss://} one (§3.2) — opened on the first
     * call; its SETTINGS say whether the server takes RFC 8441's extended CONNECT.
     *
     * @throws Unreachable when no TCP connection opens
     * @throws H2Session.NotHttp2 when the connection opens but speaks no HTTP/2 (or agrees no h2 by ALPN)
     */
    public H2Session http2() throws IOException {
        if (http2 == null) {
            checkOpenable();
            http2 = H2Session.open(RawPeer.target(target), timeout, tls);
            closeIfAborted();
        }
        return http2;
    }

    private void checkOpenable() throws IOException {
        if (aborted) {
            throw new Unreachable("the case was ended before it connected", null);
        }
        if (tcp != null || http2 != null) {
            throw new IllegalStateException("a case opens one connection");
        }
    }

    /** A watchdog that fired while the connection was opening finds it open here, and it is closed. */
    private void closeIfAborted() throws Unreachable {
        if (aborted) {
            abort();
            throw new Unreachable("the case was ended while it connected", null);
        }
    }

    /** The wire log of the connection opened, if one was. */
    Optional<WireLog> log() {
        RawPeer t = tcp;
        H2Session h = http2;
        return t != null ? Optional.of(t.log()) : h != null ? Optional.of(h.log()) : Optional.empty();
    }

    /** Closes what was opened at once, from any thread (a watchdog ending a case that overran). */
    void abort() {
        aborted = true;
        RawPeer t = tcp;
        H2Session h = http2;
        if (t != null) {
            t.abort();
        }
        if (h != null) {
            h.close();
        }
    }

    @Override
    public void close() {
        abort();
    }
}
