package org.wslab.framing.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** How a certificate is named in messages: its subject, issuer and subject alternative names (RFC 5280 §4.1.2.4, §4.1.2.6, §4.2.1.6). */
public final class CertificateText {
    private CertificateText() {
    }

    /** {@code subject (issued by issuer, expires instant)}. */
    public static String describe(X509Certificate c) {
        String subject = c.getSubjectX500Principal().getName();
        String issuer = c.getIssuerX500Principal().getName();
        return "'" + subject + "' (" + (subject.equals(issuer) ? "self-signed" : "issued by '" + issuer + "'")
                + ", expires " + c.getNotAfter().toInstant() + ")";
    }

    /** The certificate's DNS and IP subject alternative names, or its subject when it has none. */
    public static String names(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = c.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // fall back to the subject
        }
        return names.isEmpty() ? "only '" + c.getSubjectX500Principal().getName() + "'" : String.join(", ", names);
    }

    /** The SHA-256 fingerprint of the certificate's DER, as colon-separated upper-case hex. */
    public static String sha256(X509Certificate c) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return java.util.HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
