package org.wslab.framing.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a finished TLS handshake agreed (RFC 8446 §4): the version, the cipher suite, the ALPN
 * protocol (RFC 7301), and the server certificate's subject, issuer, expiry and SHA-256
 * fingerprint — the line a {@code wss://} command prints.
 *
 * @param protocol    e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param alpn        the application protocol agreed, empty when none
 * @param subject     the server certificate's subject (RFC 2253 form)
 * @param issuer      its issuer
 * @param notAfter    its expiry
 * @param sha256      its SHA-256 fingerprint
 */
public record TlsFacts(String protocol, String cipherSuite, String alpn, String subject, String issuer,
                       Instant notAfter, String sha256) {
    public TlsFacts {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(alpn, "alpn");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Reads the facts of a finished handshake; {@code alpn} as the engine or socket reports it (null: none). */
    public static TlsFacts of(SSLSession session, String alpn) {
        Optional<X509Certificate> leaf = Optional.empty();
        try {
            Certificate[] peer = session.getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate x) {
                leaf = Optional.of(x);
            }
        } catch (SSLPeerUnverifiedException none) {
            // anonymous: no certificate
        }
        return new TlsFacts(session.getProtocol(), session.getCipherSuite(), alpn == null ? "" : alpn,
                leaf.map(c -> c.getSubjectX500Principal().getName()).orElse(""),
                leaf.map(c -> c.getIssuerX500Principal().getName()).orElse(""),
                leaf.map(c -> c.getNotAfter().toInstant()).orElse(Instant.EPOCH),
                leaf.map(CertificateText::sha256).orElse(""));
    }

    /** One line: {@code TLSv1.3, TLS_AES_256_GCM_SHA384, ALPN http/1.1; certificate 'CN=…' issued by 'CN=…', expires …}. */
    public String line() {
        return protocol + ", " + cipherSuite + (alpn.isEmpty() ? ", no ALPN" : ", ALPN " + alpn)
                + "; certificate '" + subject + "' issued by '" + issuer + "', expires " + notAfter
                + ", SHA-256 " + sha256;
    }
}
