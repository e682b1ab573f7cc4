package org.wslab.framing.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Reads key and trust material from files: a CA file of PEM certificates (RFC 7468 §5) or a PKCS#12
 * store (RFC 7292), and a PKCS#12 or JKS key store for a server. Every failure is a
 * {@link TlsSetupException} naming the file.
 */
public final class TrustMaterial {
    private TrustMaterial() {
    }

    /** The trust a {@code --ca FILE} gives: its PEM certificates, or the certificates of a PKCS#12 store. */
    public static ClientTrust caFile(Path file, char[] password) throws TlsSetupException {
        byte[] bytes = read(file, "CA file");
        KeyStore anchors;
        try {
            anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS12 is missing from this JDK", e);
        }
        try {
            if (looksLikePem(bytes)) {
                Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(bytes));
                int i = 0;
                for (Certificate c : certs) {
                    anchors.setCertificateEntry("ca-" + i++, c);
                }
                if (i == 0) {
                    throw new TlsSetupException("CA file '" + file + "' holds no certificate", null);
                }
            } else {
                KeyStore store = load(bytes, "PKCS12", password);
                for (String alias : java.util.Collections.list(store.aliases())) {
                    Certificate c = store.getCertificate(alias);
                    if (c != null) {
                        anchors.setCertificateEntry(alias, c);
                    }
                }
                if (anchors.size() == 0) {
                    throw new TlsSetupException("CA file '" + file + "' holds no certificate", null);
                }
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot read CA file '" + file
                    + "': neither PEM certificates nor a PKCS#12 store (" + e.getMessage() + ")", e);
        }
        return new ClientTrust.Anchors(anchors, file.toString());
    }

    /** A server's key store: PKCS#12, or JKS. */
    public static KeyStore keyStore(Path file, char[] password) throws TlsSetupException {
        byte[] bytes = read(file, "key store");
        GeneralSecurityException last = null;
        for (String type : new String[] {"PKCS12", "JKS"}) {
            try {
                return load(bytes, type, password);
            } catch (IOException e) {
                if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
                    throw new TlsSetupException("cannot open key store '" + file
                            + "': wrong password (give it with --keystore-password)", e);
                }
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new TlsSetupException("cannot read key store '" + file
                + "': not a PKCS#12 or JKS store, or its password is wrong", last);
    }

    private static KeyStore load(byte[] bytes, String type, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            store.load(in, password);
        }
        return store;
    }

    private static byte[] read(Path file, String what) throws TlsSetupException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TlsSetupException(what + " '" + file + "' does not exist", e);
        } catch (IOException e) {
            throw new TlsSetupException("cannot read " + what + " '" + file + "': " + e.getMessage(), e);
        }
    }

    private static boolean looksLikePem(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }
}
