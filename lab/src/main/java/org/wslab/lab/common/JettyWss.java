package org.wslab.lab.common;

import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.tls.TlsFailure;
import org.wslab.framing.tls.TlsProblem;

/**
 * Jetty's WebSocket client for {@code ws://} or, given a {@link ClientTls}, {@code wss://} (RFC 6455
 * §4.1 (5)): every engine Jetty makes gets the lab's parameters — SNI, the host name check (RFC
 * 6125 §6), ALPN {@code http/1.1}, the versions of {@code --tls-version} — and the last one is kept so
 * the command can print what TLS agreed. A failure's cause chain is read into the same one line
 * as our own engine's ({@link TlsFailureLine}).
 */
public final class JettyWss {
    private final WebSocketClient client;
    private final Engines engines;
    private final HttpClient http;

    private JettyWss(WebSocketClient client, Engines engines, HttpClient http) {
        this.client = client;
        this.engines = engines;
        this.http = http;
    }

    /** A started client, over TLS when {@code tls} is given. */
    public static JettyWss start(Optional<ClientTls> tls) throws Exception {
        if (tls.isEmpty()) {
            WebSocketClient plain = new WebSocketClient();
            plain.start();
            return new JettyWss(plain, null, null);
        }
        Engines engines = new Engines(tls.get());
        engines.setSslContext(tls.get().context());
        engines.setEndpointIdentificationAlgorithm(tls.get().verifyHostname() ? "HTTPS" : null);
        HttpClient http = new HttpClient();
        http.setSslContextFactory(engines);
        WebSocketClient secure = new WebSocketClient(http);
        secure.start();
        return new JettyWss(secure, engines, http);
    }

    /** The started Jetty client. */
    public WebSocketClient client() {
        return client;
    }

    /** What TLS agreed on the connection opened last; empty for {@code ws://} or before a handshake. */
    public Optional<TlsFacts> tls() {
        if (engines == null || engines.last == null || engines.last.getSession().getCipherSuite().contains("NULL")) {
            return Optional.empty();
        }
        return Optional.of(TlsFacts.of(engines.last.getSession(), engines.last.getApplicationProtocol()));
    }

    /**
     * The one line for a TLS failure in {@code failure}'s cause chain (the JDK's {@link SSLException}
     * under Jetty's wrappers), or empty when TLS was not the problem. On a {@code ws://} URL, Jetty's
     * HTTP parser refusing the answer's first octet as 0x15 or 0x16 — the content types of a TLS
     * alert or handshake record (RFC 8446 §5.1) — means the server speaks TLS.
     */
    public static Optional<LabFailure> tlsFailure(Throwable failure, String host, int port) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return Optional.of(TlsFailureLine.failure(TlsFailure.of(ssl, new byte[0], 0), host, port, failure));
            }
            if (t.getClass().getSimpleName().equals("IllegalCharacterException") && t.getMessage() != null
                    && (t.getMessage().contains("CNTL=0x15") || t.getMessage().contains("CNTL=0x16"))) {
                return Optional.of(TlsFailureLine.failure(new TlsFailure(TlsProblem.TLS_ON_PLAIN_URL, "", List.of()),
                        host, port, failure));
            }
        }
        return Optional.empty();
    }

    /** Stops the client and the HTTP client under it. */
    public void stop() throws Exception {
        client.stop();
        if (http != null) {
            http.stop();
        }
    }

    /** Jetty's client-side factory, setting the lab's parameters on each engine. */
    private static final class Engines extends SslContextFactory.Client {
        private final ClientTls tls;
        private volatile SSLEngine last;

        Engines(ClientTls tls) {
            this.tls = tls;
        }

        @Override
        public void customize(SSLEngine engine) {
            super.customize(engine);
            engine.setSSLParameters(tls.parameters());
            last = engine;
        }
    }

    /**
     * Why Jetty's client could not open a WebSocket, by the failure's type (never its message): the
     * JDK's socket exceptions (RFC 9293), a timeout, Jetty's refused upgrade with its status (RFC 6455
     * §4.1: only 101 opens one; a bad 101 is named by the handshake rule), else a connection that
     * ended before the response (RFC 9112 §8).
     */
    public static ConnectFailure connectFailure(Throwable failure, String host, int port, String resource) {
        String where = ConnectFailures.where(host, port);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException io && (t instanceof java.net.ConnectException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException)) {
                return ConnectFailures.io(io, host, port, "the opening handshake with", java.time.Duration.ofSeconds(30), -1);
            }
            if (t instanceof java.util.concurrent.TimeoutException) {
                return new ConnectFailure.TimedOut("the opening handshake with", where, java.time.Duration.ofSeconds(30), -1);
            }
            if (t instanceof org.eclipse.jetty.websocket.api.exceptions.UpgradeException up
                    && up.getResponseStatusCode() > 0) {
                int status = up.getResponseStatusCode();
                return status == 101
                        ? new ConnectFailure.BadUpgrade(where, org.wslab.handshake.spec.HandshakeRule.RESPONSE_WELL_FORMED,
                                "Jetty's client refused the 101 response (wslab handshake URL names the rule)")
                        : new ConnectFailure.NotUpgraded(where, status, "", org.wslab.handshake.spec.HandshakeRule.STATUS_101,
                                "", status == 404 ? "nothing is served at " + resource : "");
            }
        }
        return new ConnectFailure.ClosedEarly(where, 0);
    }
}
