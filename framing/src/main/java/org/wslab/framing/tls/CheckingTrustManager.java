package org.wslab.framing.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A client's check of the server's certificate chain: the leaf's validity period first (RFC 5280
 * §4.1.2.5 — checked here, as a trust anchor's own dates are not part of path validation), then
 * the JDK's path validation (§6) and hostname check (RFC 6125 §6, when the connection's parameters
 * ask for it). A refusal is a {@link CertificateRejected} naming the rule and carrying the chain.
 * {@link #trustingAll()} is {@code --insecure}: no check at all.
 */
final class CheckingTrustManager extends X509ExtendedTrustManager {
    private static final X509Certificate[] NONE = new X509Certificate[0];

    private final X509ExtendedTrustManager delegate; // null: trust all

    CheckingTrustManager(X509ExtendedTrustManager delegate) {
        this.delegate = delegate;
    }

    static CheckingTrustManager trustingAll() {
        return new CheckingTrustManager(null);
    }

    /** The JDK's check of one chain, as one of its three overloads runs it. */
    private interface Check {
        void run() throws CertificateException;
    }

    /** Dates, then the JDK's own check ({@code check}); every refusal becomes a {@link CertificateRejected}. */
    private void verify(X509Certificate[] chain, Check check) throws CertificateException {
        if (delegate == null) {
            return;
        }
        checkDates(chain);
        try {
            check.run();
        } catch (CertificateRejected e) {
            throw e;
        } catch (CertificateException e) {
            throw rejected(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain, () -> delegate.checkServerTrusted(chain, authType));
    }

    private static void checkDates(X509Certificate[] chain) throws CertificateRejected {
        if (chain == null || chain.length == 0) {
            throw new CertificateRejected(TlsProblem.UNTRUSTED_CERTIFICATE, List.of(), "the server sent no certificate",
                    null);
        }
        try {
            chain[0].checkValidity();
        } catch (CertificateExpiredException e) {
            throw new CertificateRejected(TlsProblem.EXPIRED_CERTIFICATE, List.of(chain),
                    "it expired " + chain[0].getNotAfter().toInstant(), e);
        } catch (CertificateNotYetValidException e) {
            throw new CertificateRejected(TlsProblem.CERTIFICATE_NOT_YET_VALID, List.of(chain),
                    "it is valid from " + chain[0].getNotBefore().toInstant(), e);
        }
    }

    private static CertificateRejected rejected(X509Certificate[] chain, CertificateException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (text.contains("no subject alternative") || text.contains("no name matching")) {
            return new CertificateRejected(TlsProblem.HOSTNAME_MISMATCH, List.of(chain),
                    "it names " + CertificateText.names(chain[0]), e);
        }
        return new CertificateRejected(TlsProblem.UNTRUSTED_CERTIFICATE, List.of(chain),
                "no trusted certificate issued it", e);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a wss:// client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a wss:// client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a wss:// client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate == null ? NONE : delegate.getAcceptedIssuers();
    }
}
