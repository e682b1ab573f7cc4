package org.wslab.lab.server;

/**
 * What a lab endpoint does, independent of the engine that serves it. Every engine maps each kind
 * with an exhaustive {@code switch}, so a new kind does not compile until every engine serves it.
 */
public enum EndpointKind {
    /**
     * Echoes every text and binary message back as it came (RFC 6455 §5.6 data frames);
     * permessage-deflate (RFC 7692) when the engine offers it.
     */
    ECHO,
    /**
     * STOMP 1.0–1.2 over WebSocket (the source notes' {@code /websocket/app}): sub-protocols
     * {@code v12.stomp, v11.stomp, v10.stomp} (none still served as STOMP), one broker per server
     * ({@link LabServerConfig#stompBackend()}: in-memory or a relay).
     */
    STOMP
}
