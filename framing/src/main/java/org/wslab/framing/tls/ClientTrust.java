package org.wslab.framing.tls;

import java.security.KeyStore;
import java.util.Objects;

/**
 * Which server certificates a {@code wss://} client accepts (RFC 5280 §6 path validation):
 * the JDK's own trust store, the certificates of a {@code --ca} file, or — with {@code --insecure}
 * — any certificate at all.
 */
public sealed interface ClientTrust {
    /** The JDK's default trust store ({@code cacerts}). */
    record SystemDefault() implements ClientTrust {
    }

    /** Any certificate, any host: no check at all (for a lab's self-signed server only). */
    record Insecure() implements ClientTrust {
    }

    /**
     * Only chains that lead to one of these certificates.
     *
     * @param anchors the trusted certificates
     * @param source  where they came from (a file name), for messages
     */
    record Anchors(KeyStore anchors, String source) implements ClientTrust {
        public Anchors {
            Objects.requireNonNull(anchors, "anchors");
            Objects.requireNonNull(source, "source");
        }
    }

    /** The JDK's default trust store. */
    static ClientTrust system() {
        return new SystemDefault();
    }

    /** Only chains that lead to one of {@code certificates} (what a {@code --ca} file of them gives). */
    static ClientTrust anchors(String source, java.security.cert.X509Certificate... certificates) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                anchors.setCertificateEntry("ca-" + i, certificates[i]);
            }
            return new Anchors(anchors, source);
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("PKCS12 is missing from this JDK", e);
        }
    }

    /** Trust anything. */
    static ClientTrust insecure() {
        return new Insecure();
    }
}
