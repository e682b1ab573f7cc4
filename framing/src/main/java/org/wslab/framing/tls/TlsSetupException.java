package org.wslab.framing.tls;

/**
 * TLS could not be set up from what the user gave: a key store or CA file that is missing,
 * unreadable, of an unknown format or with a wrong password. Its message is one line that names
 * the file and what to do.
 */
public final class TlsSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
