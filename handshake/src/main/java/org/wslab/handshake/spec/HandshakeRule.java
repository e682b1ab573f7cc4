package org.wslab.handshake.spec;

/**
 * The opening-handshake rules of RFC 6455 (§4.1 client, §4.2.1–4.2.2 server, §9.1 extensions,
 * §11.3 header fields) that the server validator, the client validator and the transcript
 * explainer check. Each constant carries its section and a one-line statement; a refusal names one.
 */
public enum HandshakeRule implements SpecRule {
    // --- the client's URI (RFC 6455 §3) -----------------------------------------------------------
    WEBSOCKET_URI("RFC 6455 §3",
            "a WebSocket URI is ws:// or wss://, has a host, an optional port 1..65535, and no fragment"),

    // --- request, checked by the server (RFC 6455 §4.2.1) -------------------------------------
    REQUEST_WELL_FORMED("RFC 6455 §4.2.1 / RFC 9112", "the request is a well-formed HTTP/1.1 request head"),
    METHOD_GET("RFC 6455 §4.1 (2) / §4.2.1 (1)", "the request method is GET"),
    HTTP_VERSION_1_1("RFC 6455 §4.1 (2) / §4.2.1 (1)", "the request's HTTP version is at least 1.1"),
    REQUEST_TARGET("RFC 6455 §4.1 (3) / §3",
            "the request-target is the /resource name/ (origin-form) or an absolute URI holding it"),
    HOST_PRESENT("RFC 6455 §4.2.1 (2)", "the request has a Host field"),
    UPGRADE_WEBSOCKET("RFC 6455 §4.2.1 (3)", "the request's Upgrade field holds the token \"websocket\" (any case)"),
    CONNECTION_UPGRADE("RFC 6455 §4.2.1 (4)", "the request's Connection field holds the token \"Upgrade\" (any case)"),
    KEY_PRESENT_ONCE("RFC 6455 §4.2.1 (5) / §11.3.1", "the request has exactly one Sec-WebSocket-Key field"),
    KEY_IS_16_BYTES_BASE64("RFC 6455 §4.2.1 (5) / §4.1 (7)",
            "Sec-WebSocket-Key is the base64 (RFC 4648 §4, padded) of exactly 16 bytes"),
    VERSION_13("RFC 6455 §4.2.1 (6) / §4.2.2 (4) / §4.4",
            "Sec-WebSocket-Version is 13 (else 426 with Sec-WebSocket-Version: 13)"),
    ORIGIN_ALLOWED("RFC 6455 §4.2.2 (4) /origin/ / §10.2", "the Origin, when the server checks it, is one it accepts (else 403)"),
    SUBPROTOCOL_LIST("RFC 6455 §4.2.1 (8) / §4.1 (10) / §11.3.4",
            "Sec-WebSocket-Protocol is a comma list of tokens, each offered once"),
    EXTENSIONS_SYNTAX("RFC 6455 §9.1",
            "Sec-WebSocket-Extensions is a comma list of extension [; param[=token|quoted-string]]..."),

    // --- server's choices (RFC 6455 §4.2.2) ------------------------------------------------------
    SUBPROTOCOL_CHOSEN("RFC 6455 §4.2.2 (4) /subprotocol/ / (5.5)",
            "the server picks at most one of the offered sub-protocols, or none"),

    // --- response, checked by the client (RFC 6455 §4.1, the server-response list) ------------
    RESPONSE_WELL_FORMED("RFC 6455 §4.1 / RFC 9112", "the response is a well-formed HTTP/1.1 response head"),
    STATUS_101("RFC 6455 §4.1 (response 1)", "the response status is 101 Switching Protocols"),
    RESPONSE_UPGRADE_WEBSOCKET("RFC 6455 §4.1 (response 2)",
            "the response's Upgrade field is \"websocket\" (any case)"),
    RESPONSE_CONNECTION_UPGRADE("RFC 6455 §4.1 (response 3)",
            "the response's Connection field holds the token \"Upgrade\" (any case)"),
    ACCEPT_MATCHES_KEY("RFC 6455 §4.1 (response 4) / §4.2.2 (5.4) / §1.3",
            "Sec-WebSocket-Accept is base64(SHA-1(key + \"258EAFA5-E914-47DA-95CA-C5AB0DC85B11\"))"),
    RESPONSE_EXTENSIONS_OFFERED("RFC 6455 §4.1 (response 5) / RFC 7692 §7.1",
            "every extension in the response was offered, with parameters valid for the offer"),
    RESPONSE_SUBPROTOCOL_OFFERED("RFC 6455 §4.1 (response 6)",
            "the response's Sec-WebSocket-Protocol is absent or one of the offered values"),

    // --- findings of the transcript explainer ----------------------------------------------------
    OBSOLETE_HIXIE_HEADER("draft-hixie-thewebsocketprotocol-76 §1.3 (superseded by RFC 6455)",
            "Sec-WebSocket-Location / -Origin / -Key1 / -Key2 belong to the pre-RFC 6455 hixie-76 handshake"),
    PERMESSAGE_DEFLATE_OUTCOME("RFC 7692 §5 / §7.1",
            "permessage-deflate is in use only if the response accepts one of the offers"),
    ;

    private final String section;
    private final String statement;

    HandshakeRule(String section, String statement) {
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
