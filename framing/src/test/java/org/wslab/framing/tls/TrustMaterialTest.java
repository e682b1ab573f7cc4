package org.wslab.framing.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CA files and key stores as a user gives them (RFC 7468 PEM, RFC 7292 PKCS#12): read, or one line naming the file. */
class TrustMaterialTest {
    private static final SelfSignedCertificate CERT = SelfSignedCertificate.forLocalhost();

    @TempDir
    Path dir;

    @Test
    void aPemFileTrustsItsCertificate() throws Exception {
        Path pem = CERT.writePem(dir.resolve("cert.pem"));
        ClientTrust.Anchors trust = assertInstanceOf(ClientTrust.Anchors.class, TrustMaterial.caFile(pem, null));
        X509Certificate anchor = (X509Certificate) trust.anchors().getCertificate(trust.anchors().aliases().nextElement());
        assertEquals(CERT.certificate(), anchor);
        assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void aPkcs12StoreServesAsCaFileAndAsKeyStore() throws Exception {
        Path p12 = dir.resolve("lab.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            CERT.keyStore("secret".toCharArray()).store(out, "secret".toCharArray());
        }
        ClientTrust.Anchors trust = assertInstanceOf(ClientTrust.Anchors.class,
                TrustMaterial.caFile(p12, "secret".toCharArray()));
        assertEquals(1, trust.anchors().size());
        KeyStore keys = TrustMaterial.keyStore(p12, "secret".toCharArray());
        assertTrue(keys.isKeyEntry(SelfSignedCertificate.ALIAS));
    }

    @Test
    void eachBadFileIsOneLineNamingIt() throws Exception {
        Path missing = dir.resolve("nope.pem");
        assertLine(assertThrows(TlsSetupException.class, () -> TrustMaterial.caFile(missing, null)), "does not exist");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello, not a certificate\n");
        assertLine(assertThrows(TlsSetupException.class, () -> TrustMaterial.caFile(garbage, null)),
                "neither PEM certificates nor a PKCS#12 store");
        Path emptyPem = Files.writeString(dir.resolve("empty.pem"), "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        assertThrows(TlsSetupException.class, () -> TrustMaterial.caFile(emptyPem, null));
        Path p12 = dir.resolve("lab.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            CERT.keyStore("secret".toCharArray()).store(out, "secret".toCharArray());
        }
        assertLine(assertThrows(TlsSetupException.class, () -> TrustMaterial.keyStore(p12, "wrong".toCharArray())),
                "password");
        assertLine(assertThrows(TlsSetupException.class, () -> TrustMaterial.keyStore(garbage, "x".toCharArray())),
                "not a PKCS#12 or JKS store");
    }

    private static void assertLine(TlsSetupException e, String part) {
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void theFingerprintIsTheSha256OfTheDerInColonHex() throws Exception {
        String f = CERT.sha256Fingerprint();
        assertEquals(32 * 3 - 1, f.length());
        assertTrue(f.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), f);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(CERT.certificate().getEncoded());
        assertEquals(String.format("%02X", digest[0]), f.substring(0, 2));
    }
}
