package org.wslab.framing.transport;

import java.security.KeyStore;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.SelfSignedCertificate;

/** Trust in exactly one test certificate, as a {@code --ca} file of it gives. */
final class TlsTestTrust {
    private TlsTestTrust() {
    }

    static ClientTrust of(SelfSignedCertificate cert) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("test", cert.certificate());
            return new ClientTrust.Anchors(anchors, "test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
