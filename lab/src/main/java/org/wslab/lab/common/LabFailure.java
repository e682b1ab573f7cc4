package org.wslab.lab.common;

import java.util.Optional;

/**
 * A usage or connection error the lab reports as one line on stderr with exit code
 * {@code ExitCode.USAGE_OR_CONNECTION}: the message is that line, written for a person
 * (what went wrong and, where it helps, what to do instead). A connection's failure carries its
 * typed {@link ConnectFailure}, whose line it is; {@code --json} prints that failure's kind and rule.
 *
 * <p>Commands and the clients under them throw it; the CLI's {@code ErrorReporting} turns it into
 * the line, so no command prints its own errors. It lives below both {@code lab.cli} and {@code lab.client}.
 */
public final class LabFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ConnectFailure failure;
    private final String kind;

    /** A failure with the line to print. */
    public LabFailure(String line) {
        super(line);
        this.failure = null;
        this.kind = "error";
    }

    /** A failure with the line to print and the exception behind it (shown with {@code --verbose}). */
    public LabFailure(String line, Throwable cause) {
        super(line, cause);
        this.failure = null;
        this.kind = "error";
    }

    /**
     * A failure that is not a connection's, of a stable {@code kind} for {@code --json} (lower case
     * with dashes, e.g. {@code not-a-transcript}), with its line.
     */
    public static LabFailure ofKind(String kind, String line) {
        return new LabFailure(kind, line);
    }

    private LabFailure(String kind, String line) {
        super(line);
        this.failure = null;
        this.kind = kind;
    }

    /** A connection's failure: its line, and the exception behind it when there was one (may be null). */
    public LabFailure(ConnectFailure failure, Throwable cause) {
        super(failure.line(), cause);
        this.failure = failure;
        this.kind = failure.kind();
    }

    /** The failure's stable kind for {@code --json}: the connection failure's, or the one given, else {@code error}. */
    public String kind() {
        return kind;
    }

    /** The typed failure, for a connection's failure; empty for a usage error. */
    public Optional<ConnectFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** The one line every client command prints when nothing listens at {@code hostPort}. */
    public static LabFailure refused(String hostPort, Throwable cause) {
        return new LabFailure(new ConnectFailure.NoConnection(hostPort,
                org.wslab.framing.engine.OpeningRule.CONNECT_REFUSED, Optional.empty()), cause);
    }

    /** The one line every client command prints for a host name that does not resolve. */
    public static LabFailure unknownHost(String host, Throwable cause) {
        return new LabFailure(new ConnectFailure.UnknownHost(host), cause);
    }
}
