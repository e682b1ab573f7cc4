package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.security.cert.X509Certificate;
import org.wslab.framing.tls.CertificateText;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;

/**
 * The {@code tls:} lines of {@code wslab serve --tls}'s banner: where the certificate came from, whom
 * it names (subject alternative names, RFC 5280 §4.2.1.6, what a client's hostname check matches,
 * RFC 6125 §6), until when it is valid, its SHA-256 fingerprint, the PEM a client can trust, and the
 * command that tries the {@code wss://} echo (RFC 6455 §10.6).
 */
final class TlsBanner {
    private TlsBanner() {
    }

    static void print(PrintWriter out, LabServer server, ServeTlsOptions.Prepared tls) {
        X509Certificate cert = tls.listener().certificate();
        out.println("tls: " + tls.source() + ": certificate " + CertificateText.describe(cert)
                + " for " + CertificateText.names(cert));
        out.println("tls: SHA-256 fingerprint " + CertificateText.sha256(cert));
        URI echo = server.secureWebSocketUri(LabEndpoint.echo()).orElseThrow();
        if (tls.pem().isPresent()) {
            out.println("tls: PEM written to " + tls.pem().get());
            out.println("tls: try ./wslab echo --ca " + tls.pem().get() + " " + echo);
        } else {
            out.println("tls: try ./wslab echo --ca CA-FILE " + echo
                    + "   (CA-FILE: the PEM of this certificate or of its CA)");
        }
    }
}
