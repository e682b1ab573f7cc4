package org.wslab.lab.common;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.engine.OpeningRule;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.SpecRule;

/**
 * The one place that turns what went wrong into a {@link ConnectFailure}: the engine's typed
 * opening failures (RFC 6455 §4.1), the JDK's exception types for a socket (RFC 9293), a close or a
 * violation once open (§7). Classification is by type and by the server's status code, never by
 * the words of an exception's message.
 */
public final class ConnectFailures {
    private ConnectFailures() {}

    /** {@code host:port} of {@code uri}, an IPv6 literal in brackets, for messages. */
    public static String where(WebSocketUri uri) {
        return where(uri.host(), uri.port());
    }

    /** {@code host:port}, an IPv6 literal in brackets. */
    public static String where(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Why the engine's opening handshake failed ({@link Event.HandshakeFailed}), for {@code uri};
     * {@code timeout} is the command's limit, named when it ran out.
     */
    public static ConnectFailure opening(HandshakeFailure failure, WebSocketUri uri, Duration timeout) {
        String where = where(uri);
        if (failure instanceof HandshakeFailure.TlsFailed tls) {
            return new ConnectFailure.Tls(tls.failure(), uri.host(), uri.port());
        }
        if (failure instanceof HandshakeFailure.ResponseRejected no) {
            return response(where, no.response(), no.rule(), no.detail(), no.bodyStart(), uri.resourceName());
        }
        if (failure instanceof HandshakeFailure.ResponseUnreadable broken) {
            byte[] first = broken.first();
            return startsLikeHttp(first) ? new ConnectFailure.BrokenHttp(where, broken.failure())
                    : new ConnectFailure.NotHttp(where, first, -1);
        }
        if (failure instanceof HandshakeFailure.Ended ended) {
            return switch (ended.rule()) {
                case CONNECT_REFUSED, CONNECT_UNREACHABLE, CONNECT_FAILED ->
                        new ConnectFailure.NoConnection(where, ended.rule(), Optional.empty());
                case CONNECT_TIMEOUT -> new ConnectFailure.NoConnection(where, ended.rule(), Optional.of(timeout));
                case HANDSHAKE_TIMEOUT -> new ConnectFailure.TimedOut("the opening handshake response from", where, timeout, -1);
                default -> new ConnectFailure.ClosedEarly(where, 0);
            };
        }
        // a server-side failure (Refused, Answered) never reaches a client; name it all the same
        return new ConnectFailure.NoConnection(where, OpeningRule.CONNECT_FAILED, Optional.empty());
    }

    /**
     * A response head that did not open a WebSocket: a status other than 101 is
     * {@link ConnectFailure.NotUpgraded} (with its body's start and a hint), a 101 that breaks a
     * rule is {@link ConnectFailure.BadUpgrade}.
     */
    public static ConnectFailure response(String where, ResponseHead head, SpecRule rule, String detail,
                                          byte[] bodyStart, String resource) {
        if (head.status() == 101) {
            return new ConnectFailure.BadUpgrade(where, rule, detail);
        }
        String body = new String(bodyStart, StandardCharsets.UTF_8);
        return new ConnectFailure.NotUpgraded(where, head.status(), head.reason(), HandshakeRule.STATUS_101, body,
                hint(head, resource));
    }

    /** Whether {@code first} begins as an HTTP status line does ({@code HTTP/}, after empty lines, RFC 9112 §2.2). */
    public static boolean startsLikeHttp(byte[] first) {
        int i = 0;
        while (i < first.length && (first[i] == '\r' || first[i] == '\n')) {
            i++;
        }
        byte[] http = {'H', 'T', 'T', 'P', '/'};
        for (int k = 0; k < http.length; k++) {
            if (i + k >= first.length) {
                return i + k > i; // a prefix of "HTTP/" so far
            }
            if (first[i + k] != http[k]) {
                return false;
            }
        }
        return true;
    }

    /** What a status usually means for a WebSocket client, or empty. */
    static String hint(ResponseHead head, String resource) {
        int status = head.status();
        Optional<String> location = head.headers().first("Location");
        return switch (status) {
            case 200 -> "a page, not a WebSocket endpoint: is " + resource + " the right path?";
            case 301, 302, 303, 307, 308 -> "a redirect" + location.map(l -> " to " + WireText.safe(l)).orElse("")
                    + "; a WebSocket client does not follow it: use that URL";
            case 400 -> "the server found the request malformed";
            case 401, 407 -> "the server wants credentials";
            case 403 -> "the server refused the request (often the Origin, RFC 6455 §10.2)";
            case 404 -> proxy(head).map(p -> "nothing is served at " + resource + ", or " + p
                    + " did not pass the Upgrade on: Upgrade and Connection are hop-by-hop (RFC 9110 §7.6.1), a proxy"
                    + " must be told to forward them, or the server behind it sees a plain GET")
                    .orElse("nothing is served at " + resource + " (the lab serves /websocket/echo and /websocket/app)");
            case 426 -> "the server wants another Sec-WebSocket-Version"
                    + head.headers().first("Sec-WebSocket-Version").map(v -> " (it offers " + WireText.safe(v) + ")").orElse("")
                    + " (RFC 6455 §4.4)";
            case 503 -> "the server is unavailable or at its connection limit; try again later";
            default -> "";
        };
    }

    /** Servers that are usually a reverse proxy in front of the real one. */
    private static final List<String> PROXIES = List.of("nginx", "apache", "envoy", "haproxy", "traefik", "caddy",
            "cloudflare", "awselb", "varnish");

    /** The proxy the answer names ({@code Via}, or a {@code Server} that is usually a proxy), as text. */
    static Optional<String> proxy(ResponseHead head) {
        Optional<String> via = head.headers().first("Via");
        if (via.isPresent()) {
            return Optional.of("the proxy (Via: " + WireText.safe(via.get()) + ")");
        }
        return head.headers().first("Server")
                .filter(s -> PROXIES.stream().anyMatch(p -> s.toLowerCase(java.util.Locale.ROOT).contains(p)))
                .map(s -> "the proxy that answered (Server: " + WireText.safe(s) + ")");
    }

    /** A socket-level failure of {@code doing} (connecting, the TLS handshake, reading) at {@code host:port}. */
    public static ConnectFailure io(IOException e, String host, int port, String waitingFor, Duration timeout, long received) {
        String where = where(host, port);
        if (e instanceof UnknownHostException) {
            return new ConnectFailure.UnknownHost(host);
        }
        if (e instanceof ConnectException) {
            return new ConnectFailure.NoConnection(where, OpeningRule.CONNECT_REFUSED, Optional.empty());
        }
        if (e instanceof NoRouteToHostException) {
            return new ConnectFailure.NoConnection(where, OpeningRule.CONNECT_UNREACHABLE, Optional.empty());
        }
        if (e instanceof SocketTimeoutException) {
            return new ConnectFailure.TimedOut(waitingFor, where, timeout, received);
        }
        return new ConnectFailure.Closed(where, 1006, "", true);
    }

    /** The open connection's end, when it was not the normal one the command asked for. */
    public static ConnectFailure closed(Event.Closed closed, String where) {
        if (closed.error().isPresent()) {
            var error = closed.error().get();
            return new ConnectFailure.Violation(where, error.violation(), error.detail(), Optional.of(closed.code()));
        }
        return new ConnectFailure.Closed(where, closed.code(), closed.reason(), true);
    }
}
