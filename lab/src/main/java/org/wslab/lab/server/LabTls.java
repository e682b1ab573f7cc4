package org.wslab.lab.server;

import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The TLS listener a lab server opens beside its plain one ({@code wslab serve --tls}): the same
 * endpoints as {@code wss://} URLs (RFC 6455 §4.2, §10.6 — the opening handshake runs inside a TLS
 * connection, RFC 8446), on its own port.
 *
 * @param port        the TLS port; 0 picks a free one (read it back from {@link LabServer#tlsPort()})
 * @param context     the key and certificate presented (from {@code framing.tls.TlsContexts.server})
 * @param certificate the certificate presented, for the banner (subject, fingerprint)
 */
public record LabTls(int port, SSLContext context, X509Certificate certificate) {
    /** Default TLS port. */
    public static final int DEFAULT_PORT = 8443;

    public LabTls {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(certificate, "certificate");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TLS port out of range: " + port);
        }
    }
}
