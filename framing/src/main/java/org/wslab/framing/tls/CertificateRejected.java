package org.wslab.framing.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A server certificate chain that a client's trust check refused, with why (one of the
 * certificate {@link TlsProblem}s) and the chain itself, so that an error can say which
 * certificate it was. The JDK passes it on as the cause of its {@code SSLHandshakeException}.
 */
public final class CertificateRejected extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final TlsProblem problem;
    private final transient List<X509Certificate> chain;
    private final String detail;

    /**
     * @param problem {@link TlsProblem#UNTRUSTED_CERTIFICATE}, {@link TlsProblem#EXPIRED_CERTIFICATE},
     *                {@link TlsProblem#CERTIFICATE_NOT_YET_VALID} or {@link TlsProblem#HOSTNAME_MISMATCH}
     * @param chain   the chain the server sent, its own certificate first
     * @param detail  what the check found
     * @param cause   the JDK's own finding, if any
     */
    public CertificateRejected(TlsProblem problem, List<X509Certificate> chain, String detail, Throwable cause) {
        super(problem.statement() + (detail.isEmpty() ? "" : ": " + detail), cause);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.chain = List.copyOf(chain);
        this.detail = detail;
    }

    /** What the check found, e.g. {@code it names example.org}. */
    public String detail() {
        return detail;
    }

    /** Why the chain was refused. */
    public TlsProblem problem() {
        return problem;
    }

    /** The chain the server sent, its own certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }
}
