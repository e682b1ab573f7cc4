package org.wslab.lab.server;

import java.util.List;
import java.util.Objects;

/**
 * One WebSocket endpoint of the lab server: its path (the request-target of RFC 6455 §4.1's
 * handshake), what it does, the sub-protocols it negotiates (RFC 6455 §1.9, §4.2.2), and a line
 * for the index page and {@code wslab serve}'s banner.
 *
 * @param path          absolute path, e.g. {@code /websocket/echo}
 * @param kind          what the endpoint does
 * @param subprotocols  the sub-protocols it speaks, in its order of preference; empty for none
 * @param description   one line for a person
 */
public record LabEndpoint(String path, EndpointKind kind, List<String> subprotocols, String description) {
    public LabEndpoint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (!path.startsWith("/") || path.contains("?") || path.contains("#") || path.contains(" ")) {
            throw new IllegalArgumentException("an endpoint path is an absolute path without query: " + path);
        }
        subprotocols = List.copyOf(subprotocols);
    }

    /** The echo endpoint at {@code /websocket/echo}. */
    public static LabEndpoint echo() {
        return new LabEndpoint("/websocket/echo", EndpointKind.ECHO, List.of(),
                "echo: every text and binary message comes back unchanged (permessage-deflate available)");
    }

    /** The STOMP endpoint at the notes' {@code /websocket/app} (STOMP 1.2 over RFC 6455 §1.9 sub-protocols). */
    public static LabEndpoint stomp() {
        return new LabEndpoint("/websocket/app", EndpointKind.STOMP,
                org.wslab.lab.stomp.StompSubProtocols.SERVER_PREFERENCE,
                "STOMP 1.0-1.2 (/topic/… fan-out, /queue/… round robin; a handshake without sub-protocol is STOMP too)");
    }
}
