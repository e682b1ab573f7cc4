package org.wslab.framing.tls;

import java.io.EOFException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why a TLS handshake failed, named by a {@link TlsProblem}: read from the JDK's exception (its
 * cause chain, never its text alone) and from the first bytes the peer sent, so that a plain HTTP
 * server behind a {@code wss://} URL is told apart from a certificate nobody trusts.
 *
 * @param problem the rule
 * @param detail  what was found, for humans
 * @param chain   the server's certificates when a certificate was the problem, else empty
 */
public record TlsFailure(TlsProblem problem, String detail, List<X509Certificate> chain) {
    public TlsFailure {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
        chain = List.copyOf(chain);
    }

    /** {@code cite (detail)}, for one-line messages. */
    public String reason() {
        return detail.isEmpty() ? problem.cite() : problem.cite() + " (" + detail + ")";
    }

    /** The peer closed the connection before the handshake finished. */
    public static TlsFailure closed(String detail) {
        return new TlsFailure(TlsProblem.CLOSED_DURING_TLS_HANDSHAKE, detail, List.of());
    }

    /** The peer's first bytes are no TLS record: quotes them, and says what they look like. */
    public static TlsFailure notTls(byte[] head, int length) {
        String what = TlsRecords.looksLikeHttp(head, length) ? "plain HTTP" : "not TLS";
        return new TlsFailure(TlsProblem.NOT_TLS, "the peer sent \"" + TlsRecords.quote(head, length)
                + "\": " + what + "; a server without TLS takes ws://", List.of());
    }

    /**
     * Names what ended a handshake.
     *
     * @param failure the exception the {@code SSLEngine} or {@code SSLSocket} threw
     * @param head    the first octets the peer sent (may be empty)
     * @param length  how many of them
     */
    public static TlsFailure of(Throwable failure, byte[] head, int length) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateRejected rejected) {
                return new TlsFailure(rejected.problem(), rejected.detail(), rejected.chain());
            }
            if (t instanceof CertificateExpiredException) {
                return new TlsFailure(TlsProblem.EXPIRED_CERTIFICATE, message(t), List.of());
            }
            if (t instanceof CertificateNotYetValidException) {
                return new TlsFailure(TlsProblem.CERTIFICATE_NOT_YET_VALID, message(t), List.of());
            }
        }
        if (length > 0 && !TlsRecords.looksLikeTls(head, length)) {
            return notTls(head, length);
        }
        String text = allMessages(failure);
        if (text.contains("unsupported or unrecognized ssl message") || text.contains("plaintext connection")) {
            return new TlsFailure(TlsProblem.NOT_TLS, "the peer's answer is not a TLS record;"
                    + " a server without TLS takes ws://", List.of());
        }
        if (text.contains("protocol_version") || text.contains("no appropriate protocol")
                || text.contains("no cipher suites in common") || text.contains("insufficient_security")) {
            return new TlsFailure(TlsProblem.NO_COMMON_PROTOCOL, innermost(failure), List.of());
        }
        if (has(failure, CertPathValidatorException.class)) { // a context not made by TlsContexts
            return new TlsFailure(TlsProblem.UNTRUSTED_CERTIFICATE, innermost(failure), List.of());
        }
        int alert = text.indexOf("received fatal alert: ");
        if (alert >= 0) {
            return new TlsFailure(TlsProblem.ALERT_RECEIVED,
                    text.substring(alert + "received fatal alert: ".length()).split("[\\s;]")[0], List.of());
        }
        if (has(failure, EOFException.class) || text.contains("terminated the handshake")
                || text.contains("closed inbound") || text.contains("connection reset")) {
            return closed("the peer closed the connection; is it a TLS server?");
        }
        return new TlsFailure(TlsProblem.TLS_FAILED, innermost(failure), List.of());
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String allMessages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(message(t)).append(' ');
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String innermost(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
        }
        return message(deepest);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }
}
