package org.wslab.handshake.explain;

/** How a header field relates to the WebSocket opening handshake (RFC 6455 §4.1, §4.2.2, §11.3). */
public enum HeaderRole {
    /** The handshake fails without it (e.g. Sec-WebSocket-Key, Upgrade). */
    REQUIRED,
    /** Defined by RFC 6455 / RFC 7692 but optional (e.g. Sec-WebSocket-Protocol, Origin). */
    OPTIONAL,
    /** From a superseded draft (hixie-75/76, early hybi), ignored by RFC 6455 peers. */
    OBSOLETE,
    /** Ordinary HTTP, with no WebSocket meaning (e.g. User-Agent, Cache-Control). */
    UNRELATED
}
