package org.wslab.conformance.peer;

import java.io.IOException;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.wslab.framing.tls.ClientTls;

/**
 * The TLS of an HTTP/2 connection to a {@code wss://} URL: the {@link ClientTls} every other case uses —
 * trust, SNI, the host name check (RFC 6125 §6), versions — but ALPN offering {@code h2} alone (RFC 9113
 * §3.2, RFC 7301), so a server that agrees only HTTP/1.1 shows as no HTTP/2.
 */
final class Http2Tls {
    /** HTTP/2 over TLS's ALPN identifier (RFC 9113 §3.2). */
    static final String ALPN_H2 = "h2";

    private Http2Tls() {}

    /** A started Jetty factory making engines with {@code tls}'s parameters and ALPN {@code h2}. */
    static SslContextFactory.Client factory(ClientTls tls) throws IOException {
        SslContextFactory.Client f = new SslContextFactory.Client() {
            @Override
            public void customize(SSLEngine engine) {
                super.customize(engine);
                SSLParameters p = tls.parameters();
                p.setApplicationProtocols(new String[] {ALPN_H2});
                engine.setSSLParameters(p);
            }
        };
        f.setSslContext(tls.context());
        f.setEndpointIdentificationAlgorithm(tls.verifyHostname() ? "HTTPS" : null);
        try {
            f.start();
        } catch (Exception e) {
            throw new IOException("TLS for HTTP/2 did not start: " + e.getMessage(), e);
        }
        return f;
    }
}
