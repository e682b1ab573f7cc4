package org.wslab.lab.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wslab.framing.tls.TlsFacts;

/**
 * How every client command shows the TLS under a {@code wss://} connection (RFC 6455 §4.1 (5)):
 * the version and cipher suite agreed (RFC 8446 §4), ALPN (RFC 7301), and the server certificate's
 * subject, issuer, expiry and SHA-256 (RFC 5280 §4.1) — one text line, or a {@code tls} object.
 */
public final class TlsReport {
    private TlsReport() {
    }

    /** {@code tls: TLSv1.3, TLS_AES_256_GCM_SHA384, ALPN http/1.1; certificate …}. */
    public static String line(TlsFacts facts) {
        return "tls: " + facts.line();
    }

    /** The {@code --trace} banner: where TLS sits under the bytes that follow. */
    public static String traceLine(TlsFacts facts) {
        return "# TLS " + facts.protocol() + " " + facts.cipherSuite()
                + ": the bytes below are the plaintext inside TLS records (RFC 8446 §5); frames are unchanged";
    }

    /** The {@code tls} object of a {@code --json} report. */
    public static ObjectNode json(TlsFacts facts) {
        ObjectNode tls = JsonReport.object();
        tls.put("protocol", facts.protocol());
        tls.put("cipherSuite", facts.cipherSuite());
        tls.put("alpn", facts.alpn().isEmpty() ? null : facts.alpn());
        ObjectNode cert = tls.putObject("certificate");
        cert.put("subject", facts.subject());
        cert.put("issuer", facts.issuer());
        cert.put("notAfter", facts.notAfter().toString());
        cert.put("sha256", facts.sha256());
        return tls;
    }
}
