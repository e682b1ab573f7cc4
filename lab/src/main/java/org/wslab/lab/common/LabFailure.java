package org.wslab.lab.common;

/**
 * A usage or connection error the lab reports as one line on stderr with exit code
 * {@code ExitCode.USAGE_OR_CONNECTION}: the message is that line, written for a person
 * (what went wrong and, where it helps, what to do instead).
 *
 * <p>Commands and the clients under them throw it; the CLI's {@code ErrorReporting} turns it (and
 * the usual I/O exceptions, e.g. a refused connection, RFC 9293 §3.5) into the line, so no command
 * prints its own errors. It lives below both {@code lab.cli} and {@code lab.client}.
 */
public final class LabFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with the line to print. */
    public LabFailure(String line) {
        super(line);
    }

    /** A failure with the line to print and the exception behind it (shown with {@code --verbose}). */
    public LabFailure(String line, Throwable cause) {
        super(line, cause);
    }

    /** The one line every client command prints when nothing listens at {@code hostPort}. */
    public static LabFailure refused(String hostPort, Throwable cause) {
        return new LabFailure("connection refused by " + hostPort + ": is a server listening there?", cause);
    }

    /** The one line every client command prints for a host name that does not resolve. */
    public static LabFailure unknownHost(String host, Throwable cause) {
        return new LabFailure("unknown host '" + host + "'", cause);
    }
}
