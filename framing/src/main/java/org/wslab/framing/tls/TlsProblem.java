package org.wslab.framing.tls;

import org.wslab.handshake.spec.SpecRule;

/**
 * The ways a TLS handshake under {@code wss://} (RFC 6455 §4.1 (5), §10.6) fails, each with the
 * rule it names: the one vocabulary the transport, the blocking socket and the CLI share.
 */
public enum TlsProblem implements SpecRule {
    UNTRUSTED_CERTIFICATE("RFC 5280 §6.1", "the server's certificate does not chain to a trusted certificate"),
    EXPIRED_CERTIFICATE("RFC 5280 §4.1.2.5", "the server's certificate has expired"),
    CERTIFICATE_NOT_YET_VALID("RFC 5280 §4.1.2.5", "the server's certificate is not valid yet"),
    HOSTNAME_MISMATCH("RFC 6125 §6", "the server's certificate does not name the host of the URL"),
    NOT_TLS("RFC 8446 §5.1", "the peer's bytes are not TLS records"),
    CLOSED_DURING_TLS_HANDSHAKE("RFC 8446 §6.1", "the connection closed before the TLS handshake finished"),
    NO_COMMON_PROTOCOL("RFC 8446 §4.1.1", "no TLS version or cipher suite that both sides accept"),
    ALERT_RECEIVED("RFC 8446 §6.2", "the peer ended the TLS handshake with a fatal alert"),
    TLS_ON_PLAIN_URL("RFC 6455 §3", "the server answered with TLS records: its URL is wss://, not ws://"),
    TLS_FAILED("RFC 8446 §6", "the TLS handshake failed");

    private final String section;
    private final String statement;

    TlsProblem(String section, String statement) {
        this.section = section;
        this.statement = statement;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public String statement() {
        return statement;
    }
}
