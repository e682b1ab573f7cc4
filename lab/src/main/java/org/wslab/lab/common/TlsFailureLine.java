package org.wslab.lab.common;

import java.security.cert.X509Certificate;
import org.wslab.framing.tls.CertificateText;
import org.wslab.framing.tls.TlsFailure;

/**
 * The one line every client command prints when the TLS under a {@code wss://} URL fails (RFC 6455
 * §4.1 (5), §10.6): it names the rule (RFC 5280 §6.1 trust, §4.1.2.5 validity, RFC 6125 §6 host
 * name, RFC 8446 records and versions), the certificate when one was the problem, and what to do
 * about it ({@code --ca}, {@code --insecure}, {@code ws://}, {@code wss://}, {@code --tls-version}).
 */
public final class TlsFailureLine {
    private TlsFailureLine() {
    }

    /** A {@link LabFailure} for {@code failure} on a connection to {@code host:port}. */
    public static LabFailure failure(TlsFailure failure, String host, int port, Throwable cause) {
        return new LabFailure(new ConnectFailure.Tls(failure, host, port), cause);
    }

    /** The line for {@code failure} on a connection to {@code host:port} (host as in the URL). */
    public static String of(TlsFailure failure, String host, int port) {
        String at = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        String cite = failure.problem().section();
        X509Certificate leaf = failure.chain().isEmpty() ? null : failure.chain().get(0);
        return switch (failure.problem()) {
            case UNTRUSTED_CERTIFICATE -> "TLS to " + at + " failed: the server's certificate is not trusted"
                    + certificate(leaf) + " (" + cite + "); to trust it pass its PEM with --ca FILE,"
                    + " or skip the check with --insecure";
            case EXPIRED_CERTIFICATE -> "TLS to " + at + " failed: the server's certificate expired"
                    + (leaf == null ? "" : " on " + leaf.getNotAfter().toInstant() + certificate(leaf))
                    + " (" + cite + "); renew it, or skip the check with --insecure";
            case CERTIFICATE_NOT_YET_VALID -> "TLS to " + at + " failed: the server's certificate is not valid"
                    + (leaf == null ? " yet" : " before " + leaf.getNotBefore().toInstant() + certificate(leaf))
                    + " (" + cite + "); check the clocks, or skip the check with --insecure";
            case HOSTNAME_MISMATCH -> "TLS to " + at + " failed: the server's certificate does not name '" + host + "'"
                    + (leaf == null ? "" : "; it names " + CertificateText.names(leaf))
                    + " (" + cite + "); use a URL with one of its names, or skip the check with --insecure";
            case NOT_TLS -> at + " is not a TLS server: " + failure.detail() + " (" + cite + ")";
            case TLS_ON_PLAIN_URL -> at + " speaks TLS, not plain HTTP (" + cite + "): use wss://" + at
                    + " instead of ws://";
            case CLOSED_DURING_TLS_HANDSHAKE -> at + " closed the connection during the TLS handshake ("
                    + cite + "): is it a TLS server, and does it accept this TLS version?";
            case NO_COMMON_PROTOCOL -> "TLS to " + at + " failed: no TLS version or cipher suite both sides accept ("
                    + cite + ": " + failure.detail() + "); try another --tls-version";
            case ALERT_RECEIVED, TLS_FAILED -> "TLS to " + at + " failed: " + failure.reason();
        };
    }

    private static String certificate(X509Certificate leaf) {
        return leaf == null ? "" : ": " + CertificateText.describe(leaf) + ", SHA-256 "
                + CertificateText.sha256(leaf);
    }
}
