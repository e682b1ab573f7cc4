package org.wslab.framing.engine;

import org.wslab.handshake.spec.SpecRule;

/**
 * The ways an opening handshake ends without a WebSocket connection that are not the
 * {@code handshake} module's own refusals: the transport gave up on it (RFC 6455 §4.1) or a
 * server answered a plain HTTP request instead, or a listener over its connection limit answered 503
 * before reading the request (RFC 9110 §15).
 */
public enum OpeningRule implements SpecRule {
    HANDSHAKE_TIMEOUT("RFC 6455 §4.1", "no complete opening handshake within the handshake timeout"),
    CLOSED_DURING_HANDSHAKE("RFC 6455 §4.1", "the connection closed during the opening handshake"),
    CONNECT_FAILED("RFC 6455 §4.1", "the TCP connection could not be opened"),
    CONNECT_REFUSED("RFC 9293 §3.5", "the host refused the TCP connection (a reset: nothing listens on that port)"),
    CONNECT_UNREACHABLE("RFC 1122 §3.2.2.1", "no route to the host (destination unreachable)"),
    CONNECT_TIMEOUT("RFC 6455 §4.1", "the TCP connection was not established within the handshake timeout"),
    PLAIN_HTTP_PAGE("RFC 9110 §15.3.1", "not a WebSocket request: answered with a page (200)"),
    NO_RESOURCE("RFC 9110 §15.5.5", "nothing is served at the requested path: 404"),
    MAX_CONNECTIONS("RFC 9110 §15.6.4", "the server already serves its connection limit: 503, try again later");

    private final String section;
    private final String statement;

    OpeningRule(String section, String statement) {
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
