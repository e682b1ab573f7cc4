package org.wslab.framing.tls;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The TLS a {@code wss://} server speaks (RFC 6455 §4.2, §10.6): its key and certificate in
 * {@code context}, the versions it accepts, and ALPN {@code http/1.1} chosen when a client offers
 * it (RFC 7301 §3.2; a client offering none gets none).
 *
 * @param context   key and certificate ({@link TlsContexts})
 * @param protocols versions accepted; empty: the JDK's defaults
 */
public record ServerTls(SSLContext context, List<String> protocols) {
    public ServerTls {
        Objects.requireNonNull(context, "context");
        protocols = List.copyOf(protocols);
    }

    /** A server engine for one accepted connection. */
    public SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters p = context.getDefaultSSLParameters();
        if (!protocols.isEmpty()) {
            p.setProtocols(protocols.toArray(String[]::new));
        }
        engine.setSSLParameters(p);
        engine.setHandshakeApplicationProtocolSelector((e, offered) ->
                offered.contains(ClientTls.ALPN_HTTP_1_1) ? ClientTls.ALPN_HTTP_1_1 : "");
        return engine;
    }
}
