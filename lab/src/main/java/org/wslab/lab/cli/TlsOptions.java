package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.framing.tls.TlsSetupException;
import org.wslab.framing.tls.TrustMaterial;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.common.LabFailure;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The TLS options of every client command (a picocli mixin) for {@code wss://} URLs (RFC 6455 §4.1
 * (5), §10.6): whom to trust ({@code --ca}, or nobody checked with {@code --insecure}), and which
 * TLS versions to offer (RFC 8446 §4.2.1). The host name check (RFC 6125 §6) is on unless
 * {@code --insecure}. Given with a {@code ws://} URL they are a usage error: there is no TLS to
 * apply them to.
 */
final class TlsOptions {
    /** The versions a client may offer; older ones are disabled in the JDK (RFC 8996). */
    static final List<String> VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    @Option(names = "--insecure",
            description = "wss:// only: trust any certificate and skip the host name check (a loud warning on stderr).")
    boolean insecure;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "wss:// only: trust the certificates in FILE (PEM, or a PKCS#12 store) instead of the system's.")
    Path ca;

    @Option(names = "--ca-password", paramLabel = "PASSWORD",
            description = "The password of a PKCS#12 --ca file (none when not given).")
    String caPassword;

    @Option(names = "--tls-version", paramLabel = "V", split = ",",
            description = "wss:// only: offer only these TLS versions, e.g. TLSv1.3 or TLSv1.2,TLSv1.3; repeatable.")
    List<String> versions = new ArrayList<>();

    /**
     * The TLS for {@code uri}: empty for {@code ws://} (after refusing TLS options with it), else
     * the context, SNI host, hostname check and versions; {@code --insecure} prints its warning on
     * the command's stderr here. {@code spec} is the command's (usage errors name it).
     */
    Optional<ClientTls> forUri(WebSocketUri uri, CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        List<String> offered = normalisedVersions(spec);
        if (!uri.secure()) {
            String given = insecure ? "--insecure" : ca != null ? "--ca" : caPassword != null ? "--ca-password"
                    : !offered.isEmpty() ? "--tls-version" : null;
            if (given != null) {
                throw usage(spec, given + " applies to wss:// URLs only, and " + uri + " is ws://");
            }
            return Optional.empty();
        }
        if (insecure && ca != null) {
            throw usage(spec, "--insecure and --ca exclude each other: --insecure checks no certificate at all");
        }
        ClientTrust trust = ClientTrust.system();
        if (ca != null) {
            try {
                trust = TrustMaterial.caFile(ca, caPassword == null ? null : caPassword.toCharArray());
            } catch (TlsSetupException e) {
                throw new LabFailure(e.getMessage(), e);
            }
        } else if (caPassword != null) {
            throw usage(spec, "--ca-password needs --ca FILE");
        }
        if (insecure) {
            trust = ClientTrust.insecure();
            err.println("wslab: WARNING --insecure: the server's certificate is NOT checked (any certificate, any"
                    + " host name); anyone on the path can read and change this connection");
            err.flush();
        }
        return Optional.of(new ClientTls(TlsContexts.client(trust), uri.host(), uri.port(), !insecure, offered));
    }

    private List<String> normalisedVersions(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        for (String v : versions) {
            String text = v.strip();
            String match = VERSIONS.stream()
                    .filter(k -> k.equalsIgnoreCase(text) || k.substring(4).equals(text.toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> usage(spec, "--tls-version: '" + text + "' is not a TLS version this client offers"
                            + " (one of " + String.join(", ", VERSIONS) + ")"));
            if (!out.contains(match)) {
                out.add(match);
            }
        }
        return out;
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
