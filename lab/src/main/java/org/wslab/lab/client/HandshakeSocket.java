package org.wslab.lab.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import java.net.NoRouteToHostException;
import org.wslab.framing.engine.OpeningRule;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.LabFailure;

/**
 * A TCP connection, with TLS under it for {@code wss://} (RFC 6455 §4.1 (5), {@link TlsUpgrade}), for
 * one opening handshake (RFC 6455 §4.1): connect, send the request's
 * bytes, read the answer until the {@link ResponseSink} has enough or the server closes. One
 * deadline covers all of it ({@code --timeout}); a failure to connect ends in a
 * {@link LabFailure} carrying its typed {@link ConnectFailure}, and reading says how it ended
 * ({@link Ending}) so the caller can show what did arrive. The connect and TLS times are measured.
 */
public final class HandshakeSocket implements AutoCloseable {
    /** Most bytes to read while waiting for a response head, whatever the sink says. */
    public static final int MAX_RESPONSE_BYTES = 64 * 1024;

    private final Socket socket;
    private final Address url;
    private final Duration timeout;
    private final long deadlineNanos;
    private final Optional<TlsFacts> tls;
    private final Duration connectTime;
    private final Optional<Duration> tlsTime;

    /** Where to connect: a host name or IP literal (IPv6 without brackets) and a port. */
    public record Address(String host, int port) {
        /** {@code host:port}, IPv6 in brackets, for messages. */
        public String text() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    private HandshakeSocket(Socket socket, Address url, Duration timeout, long deadlineNanos, Optional<TlsFacts> tls,
                            Duration connectTime, Optional<Duration> tlsTime) {
        this.socket = socket;
        this.tls = tls;
        this.connectTime = connectTime;
        this.tlsTime = tlsTime;
        this.url = url;
        this.timeout = timeout;
        this.deadlineNanos = deadlineNanos;
    }

    /** How the read ended. */
    public enum Ending {
        /** The sink had enough. */
        SINK_DONE,
        /** The server closed the connection first. */
        PEER_CLOSED,
        /** The most bytes asked for arrived and the sink still wanted more. */
        TOO_LONG,
        /** The deadline passed first. */
        TIMED_OUT,
        /** The connection was reset (or failed otherwise) while reading. */
        RESET
    }

    /**
     * What came back.
     *
     * @param received every byte read, possibly a few past the head
     * @param ending   why reading stopped
     */
    public record Received(byte[] received, Ending ending) {}

    /** Resolves and connects within {@code timeout}; the same deadline then bounds the exchange. */
    public static HandshakeSocket connect(Address url, Duration timeout) {
        return connect(url, timeout, Optional.empty());
    }

    /**
     * Resolves, connects and, given {@code tls}, runs the TLS handshake, all within {@code timeout};
     * the same deadline then bounds the exchange.
     */
    public static HandshakeSocket connect(Address url, Duration timeout, Optional<ClientTls> tls) {
        long deadline = System.nanoTime() + timeout.toNanos();
        InetAddress address;
        try {
            address = InetAddress.getByName(url.host());
        } catch (UnknownHostException e) {
            throw LabFailure.unknownHost(url.host(), e);
        }
        TlsUpgrade.HeadKeepingSocket socket = new TlsUpgrade.HeadKeepingSocket();
        Phase doing = Phase.CONNECT;
        try {
            socket.setTcpNoDelay(true);
            long start = System.nanoTime();
            socket.connect(new InetSocketAddress(address, url.port()), remainingMillis(deadline, timeout, url, doing));
            long connected = System.nanoTime();
            Duration connectTime = Duration.ofNanos(connected - start);
            if (tls.isEmpty()) {
                return new HandshakeSocket(socket, url, timeout, deadline, Optional.empty(), connectTime, Optional.empty());
            }
            doing = Phase.TLS;
            TlsUpgrade.Upgraded upgraded = TlsUpgrade.upgrade(socket, tls.get(), remainingMillis(deadline, timeout, url, doing));
            return new HandshakeSocket(upgraded.socket(), url, timeout, deadline, Optional.of(upgraded.facts()),
                    connectTime, Optional.of(Duration.ofNanos(System.nanoTime() - connected)));
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw timedOut(doing, url, timeout, e);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw LabFailure.refused(url.text(), e);
        } catch (NoRouteToHostException e) {
            closeQuietly(socket);
            throw new LabFailure(new ConnectFailure.NoConnection(url.text(), OpeningRule.CONNECT_UNREACHABLE,
                    Optional.empty()), e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new LabFailure(new ConnectFailure.NoConnection(url.text(), OpeningRule.CONNECT_FAILED,
                    Optional.empty()), e);
        }
    }

    /** What the TLS handshake agreed; empty for a plain connection. */
    public Optional<TlsFacts> tls() {
        return tls;
    }

    /** How long the TCP connect took (RFC 9293 §3.5, the three-way handshake). */
    public Duration connectTime() {
        return connectTime;
    }

    /** How long the TLS handshake took; empty for a plain connection. */
    public Optional<Duration> tlsTime() {
        return tlsTime;
    }

    /** Writes {@code bytes} and flushes. */
    public void send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the server went away before taking the whole request
            throw new LabFailure(new ConnectFailure.ClosedEarly(url.text(), 0), e);
        }
    }

    /** Writes {@code bytes} if the connection still takes them; for a polite goodbye. */
    public void sendQuietly(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException ignored) {
            // the server may already have gone; a goodbye is best effort
        }
    }

    /**
     * Reads into {@code sink} until it has enough, {@code maxBytes} arrived, the server closes or
     * resets, or the deadline passes: never throws, the {@link Ending} says which.
     */
    public Received read(ResponseSink sink, int maxBytes) {
        ByteArrayOutputStream all = new ByteArrayOutputStream(1024);
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return new Received(all.toByteArray(), Ending.TIMED_OUT);
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                int want = Math.min(buffer.length, maxBytes - all.size());
                if (want <= 0) {
                    return new Received(all.toByteArray(), Ending.TOO_LONG);
                }
                int n = in.read(buffer, 0, want);
                if (n < 0) {
                    return new Received(all.toByteArray(), Ending.PEER_CLOSED);
                }
                all.write(buffer, 0, n);
                if (sink.accept(buffer, 0, n)) {
                    return new Received(all.toByteArray(), Ending.SINK_DONE);
                }
            }
        } catch (SocketTimeoutException e) {
            return new Received(all.toByteArray(), Ending.TIMED_OUT);
        } catch (IOException e) {
            return new Received(all.toByteArray(), Ending.RESET);
        }
    }

    /** The failure for a response head that did not come within the deadline, {@code got} bytes in. */
    public ConnectFailure timedOut(int got) {
        return new ConnectFailure.TimedOut(Phase.RESPONSE.waitingFor, url.text(), timeout, got);
    }

    /** What the deadline can run out during; {@code waitingFor} reads after "waiting for" in a timeout line. */
    private enum Phase {
        CONNECT(""), TLS("the TLS handshake with"), RESPONSE("the response from");

        final String waitingFor;

        Phase(String waitingFor) {
            this.waitingFor = waitingFor;
        }
    }

    private static int remainingMillis(long deadline, Duration timeout, Address url, Phase doing) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw timedOut(doing, url, timeout, null);
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static LabFailure timedOut(Phase doing, Address url, Duration timeout, Throwable cause) {
        return doing == Phase.CONNECT
                ? new LabFailure(new ConnectFailure.NoConnection(url.text(), OpeningRule.CONNECT_TIMEOUT,
                        Optional.of(timeout)), cause)
                : new LabFailure(new ConnectFailure.TimedOut(doing.waitingFor, url.text(), timeout, -1), cause);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed to connect
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }
}
