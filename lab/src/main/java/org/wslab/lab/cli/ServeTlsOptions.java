package org.wslab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Optional;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.framing.tls.TlsSetupException;
import org.wslab.framing.tls.TrustMaterial;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.server.LabTls;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code wslab serve}'s TLS options: {@code --tls} adds a TLS listener (RFC 8446) beside the plain
 * one, serving the same endpoints as {@code wss://} (RFC 6455 §4.2, §10.6). Its key and certificate
 * come from {@code --keystore} (PKCS#12 or JKS), or are a fresh self-signed certificate for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1} whose PEM is written for clients to trust.
 * A picocli mixin of {@link ServeCommand}.
 */
final class ServeTlsOptions {

    @Option(names = "--tls",
            description = "Also listen for TLS on --tls-port (wss:// URLs, same endpoints); the plain listener on "
                    + "--port stays. Without --keystore a self-signed certificate for localhost, 127.0.0.1 and ::1 "
                    + "is made at start and its PEM written (see --cert-out).")
    boolean enabled;

    @Option(names = "--tls-port", paramLabel = "PORT",
            description = "With --tls: the TLS port; 0 picks a free one (default: " + LabTls.DEFAULT_PORT + ").")
    Integer port;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "With --tls: a PKCS#12 or JKS key store holding the server's key and certificate.")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "PASSWORD",
            description = "With --keystore: the store's password, also the key's (default: empty).")
    String password;

    @Option(names = "--cert-out", paramLabel = "FILE",
            description = "With --tls and no --keystore: where to write the self-signed certificate's PEM "
                    + "(default: cert.pem in a fresh temporary directory wslab-tls-*).")
    Path certOut;

    /** What {@code --tls} set up: the listener, and for the banner where the certificate came from. */
    record Prepared(LabTls listener, String source, Optional<Path> pem) {
    }

    /** Checks the options go together and sets TLS up; empty without {@code --tls}. */
    Optional<Prepared> prepare(CommandSpec spec, int plainPort) {
        if (!enabled) {
            String stray = port != null ? "--tls-port" : keystore != null ? "--keystore"
                    : password != null ? "--keystore-password" : certOut != null ? "--cert-out" : null;
            if (stray != null) {
                throw new ParameterException(spec.commandLine(), stray + " applies to --tls, which is not given");
            }
            return Optional.empty();
        }
        int tlsPort = port == null ? LabTls.DEFAULT_PORT : port;
        if (tlsPort < 0 || tlsPort > 65_535) {
            throw new ParameterException(spec.commandLine(), "--tls-port must be between 0 and 65535, not " + tlsPort);
        }
        if (tlsPort != 0 && tlsPort == plainPort) {
            throw new ParameterException(spec.commandLine(), "--tls-port must differ from --port (" + plainPort + ")");
        }
        if (password != null && keystore == null) {
            throw new ParameterException(spec.commandLine(), "--keystore-password applies to --keystore, which is not given");
        }
        if (certOut != null && keystore != null) {
            throw new ParameterException(spec.commandLine(),
                    "--cert-out writes the generated certificate; with --keystore none is generated");
        }
        return Optional.of(keystore == null ? selfSigned(tlsPort, certOut) : fromKeyStore(tlsPort));
    }

    /**
     * A fresh self-signed certificate for localhost, 127.0.0.1 and ::1, its PEM written to
     * {@code certOut} (null: {@code cert.pem} in a temporary directory removed at exit).
     */
    static Prepared selfSigned(int tlsPort, Path certOut) {
        SelfSignedCertificate certificate = SelfSignedCertificate.forLocalhost();
        Path pem;
        try {
            pem = certOut != null ? certOut : temporaryPem();
            certificate.writePem(pem);
        } catch (IOException e) {
            throw new LabFailure("cannot write the certificate's PEM to '"
                    + (certOut != null ? certOut : "a temporary directory") + "': " + e.getMessage(), e);
        }
        LabTls listener = new LabTls(tlsPort, TlsContexts.server(certificate), certificate.certificate());
        return new Prepared(listener, "generated at start", Optional.of(pem.toAbsolutePath()));
    }

    /** {@code cert.pem} in a fresh {@code wslab-tls-*} directory, both removed when the JVM exits. */
    private static Path temporaryPem() throws IOException {
        Path dir = Files.createTempDirectory("wslab-tls-");
        dir.toFile().deleteOnExit();
        Path file = dir.resolve("cert.pem");
        file.toFile().deleteOnExit(); // registered last, deleted first
        return file;
    }

    private Prepared fromKeyStore(int tlsPort) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            KeyStore store = TrustMaterial.keyStore(keystore, secret);
            X509Certificate presented = keyCertificate(store);
            return new Prepared(new LabTls(tlsPort, TlsContexts.server(store, secret), presented),
                    "key store " + keystore.toAbsolutePath(), Optional.empty());
        } catch (TlsSetupException e) {
            throw new LabFailure(e.getMessage(), e);
        }
    }

    /** The certificate of the store's first key entry: the one a server presents. */
    private X509Certificate keyCertificate(KeyStore store) throws TlsSetupException {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                    return c;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot read key store '" + keystore + "': " + e.getMessage(), e);
        }
        throw new TlsSetupException("key store '" + keystore
                + "' holds no key entry (a private key with its X.509 certificate)", null);
    }
}
