package org.wslab.lab.server;

import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.TlsContexts;

/**
 * TLS material for tests (RFC 8446, RFC 6455 §10.6): a server listener presenting a self-signed
 * certificate, and client contexts that trust exactly that certificate (path validation and the
 * hostname check stay on: 127.0.0.1 is one of its names).
 */
public final class TestTls {
    private TestTls() {
    }

    /** A TLS listener on a free port presenting {@code certificate}. */
    public static LabTls listener(SelfSignedCertificate certificate) {
        return new LabTls(0, TlsContexts.server(certificate), certificate.certificate());
    }

    /** Trust in {@code certificate} alone. */
    public static ClientTrust trusting(X509Certificate certificate) {
        return ClientTrust.anchors("the test's certificate", certificate);
    }

    /** A client context trusting {@code certificate} alone. */
    public static SSLContext clientContext(X509Certificate certificate) {
        return TlsContexts.client(trusting(certificate));
    }

    /**
     * Jetty's HTTP client speaking TLS with {@code tls}'s trust ({@link SslContextFactory.Client}, whose
     * hostname check is on by default): what Jetty's WebSocket clients, native and jakarta, connect with.
     */
    public static HttpClient jettyHttpsClient(SSLContext tls) {
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        ssl.setSslContext(tls);
        HttpClient http = new HttpClient();
        http.setSslContextFactory(ssl);
        return http;
    }
}
