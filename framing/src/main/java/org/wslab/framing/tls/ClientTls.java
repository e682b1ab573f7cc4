package org.wslab.framing.tls;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The TLS a {@code wss://} client speaks (RFC 6455 §4.1 (5), §10.6): SNI from the URL's host (RFC
 * 6066 §3; never for an IP literal), the hostname check on the server's certificate (RFC 6125 §6)
 * unless switched off, ALPN {@code http/1.1} (RFC 7301) and, when given, only the listed versions.
 * Makes the {@code SSLEngine} of each connection on the transport, and the parameters of a
 * blocking {@code SSLSocket}.
 *
 * @param context        trust and keys ({@link TlsContexts})
 * @param host           the URL's host
 * @param port           the URL's port
 * @param verifyHostname check that the certificate names {@code host}
 * @param protocols      the TLS versions offered (e.g. {@code TLSv1.3}); empty: the JDK's defaults
 */
public record ClientTls(SSLContext context, String host, int port, boolean verifyHostname, List<String> protocols) {
    /** The ALPN protocol a WebSocket opening handshake runs over (RFC 7301, RFC 6455 §4.1). */
    public static final String ALPN_HTTP_1_1 = "http/1.1";

    public ClientTls {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(host, "host");
        protocols = List.copyOf(protocols);
    }

    /** The parameters of each connection: SNI, endpoint identification, ALPN, versions. */
    public SSLParameters parameters() {
        SSLParameters p = context.getDefaultSSLParameters();
        String bare = bareHost();
        if (!isIpLiteral(bare)) {
            p.setServerNames(List.of(new SNIHostName(bare)));
        }
        if (verifyHostname) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        p.setApplicationProtocols(new String[] {ALPN_HTTP_1_1});
        if (!protocols.isEmpty()) {
            p.setProtocols(protocols.toArray(String[]::new));
        }
        return p;
    }

    /** A client engine for one connection. */
    public SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine(bareHost(), port);
        engine.setUseClientMode(true);
        engine.setSSLParameters(parameters());
        return engine;
    }

    /** The host without the brackets of an IPv6 literal. */
    private String bareHost() {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
