package org.wslab.framing.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed X.509 server certificate (RFC 5280) and its EC P-256 key, built with BouncyCastle:
 * what {@code serve --tls} presents when no keystore is given, and what the TLS tests serve. Its
 * subject alternative names (RFC 5280 §4.2.1.6) are what a client's hostname check (RFC 6125, RFC
 * 2818 §3.1) matches against; its validity is a parameter, so tests can make an expired one.
 *
 * @param certificate the certificate
 * @param privateKey  its key
 */
public record SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {
    /** The alias of the key entry in {@link #keyStore}. */
    public static final String ALIAS = "wslab";

    /** For {@code localhost}, {@code 127.0.0.1} and {@code ::1}, valid from an hour ago for 30 days. */
    public static SelfSignedCertificate forLocalhost() {
        Instant now = Instant.now();
        return generate("localhost", List.of("localhost"), List.of("127.0.0.1", "::1"),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    /**
     * Generates a fresh key and certificate.
     *
     * @param commonName  the subject's (and issuer's) CN
     * @param dnsNames    DNS subject alternative names
     * @param ipAddresses IP address subject alternative names (literals)
     * @param notBefore   start of validity
     * @param notAfter    end of validity (in the past: an expired certificate)
     */
    public static SelfSignedCertificate generate(String commonName, List<String> dnsNames, List<String> ipAddresses,
                                                 Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName + ",O=wslab lab (self-signed)");
            BigInteger serial = new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
            List<GeneralName> alternatives = new ArrayList<>();
            dnsNames.forEach(d -> alternatives.add(new GeneralName(GeneralName.dNSName, d)));
            for (String ip : ipAddresses) {
                alternatives.add(new GeneralName(GeneralName.iPAddress, ipLiteral(ip)));
            }
            if (!alternatives.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new SelfSignedCertificate(cert, keys.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }

    /** Checks the literal is an IP address (never a DNS lookup) and returns it for the SAN. */
    private static String ipLiteral(String ip) {
        if (!ip.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("not an IP address literal: " + ip);
        }
        try {
            return InetAddress.getByName(ip).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address literal: " + ip, e);
        }
    }

    /** A PKCS#12 key store holding the key and certificate under {@link #ALIAS}, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, new Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a key store: " + e.getMessage(), e);
        }
    }

    /** The certificate in PEM (RFC 7468 §5), what a client's {@code --ca} reads. */
    public String pem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes {@link #pem()} to {@code file} and returns it. */
    public Path writePem(Path file) throws IOException {
        return Files.writeString(file, pem(), StandardCharsets.US_ASCII);
    }

    /** The SHA-256 fingerprint of the certificate's DER, as colon-separated upper-case hex. */
    public String sha256Fingerprint() {
        return CertificateText.sha256(certificate);
    }
}
