package org.wslab.framing.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the JDK's {@link SSLContext}s (RFC 8446; the JDK's own TLS, no other provider): a client's
 * from its {@link ClientTrust}, whose refusals are {@link CertificateRejected}; a server's from a
 * key store holding its key and certificate.
 */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** A client context that trusts as {@code trust} says. */
    public static SSLContext client(ClientTrust trust) {
        try {
            CheckingTrustManager manager;
            if (trust instanceof ClientTrust.Insecure) {
                manager = CheckingTrustManager.trustingAll();
            } else if (trust instanceof ClientTrust.Anchors a) {
                manager = new CheckingTrustManager(pkix(a.anchors()));
            } else {
                manager = new CheckingTrustManager(pkix(null));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {manager}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's TLS cannot be set up: " + e.getMessage(), e);
        }
    }

    /** A server context presenting the key entry of {@code store}. */
    public static SSLContext server(KeyStore store, char[] password) throws TlsSetupException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (java.security.UnrecoverableKeyException e) {
            throw new TlsSetupException("cannot use the key store's key: wrong key password", e);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot use the key store: " + e.getMessage(), e);
        }
    }

    /** A server context presenting a fresh self-signed certificate's key. */
    public static SSLContext server(SelfSignedCertificate certificate) {
        char[] password = "wslab".toCharArray();
        try {
            return server(certificate.keyStore(password), password);
        } catch (TlsSetupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager pkix(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in the JDK");
    }
}
