package org.wslab.benchmarks.handshake;

import java.nio.charset.StandardCharsets;

/**
 * Opening-handshake requests (RFC 6455 §4.1) the handshake suites parse and answer: the request
 * recorded in the source notes (Chrome 66 through a browser extension, absolute-form target,
 * STOMP sub-protocols, permessage-deflate offered), copied byte for byte as test data, and a
 * request shaped like a current browser's, origin-form, with the fetch metadata fields.
 */
final class HandshakeRequests {
    /** The source notes' recorded request, CRLF line ends as sent. */
    static final String NOTES = String.join("\r\n",
            "GET ws://localhost:8080/websocket/app HTTP/1.1",
            "Host: localhost:8080",
            "Connection: Upgrade",
            "Pragma: no-cache",
            "Cache-Control: no-cache",
            "Upgrade: websocket",
            "Origin: chrome-extension://heeinifidncnmblmddfajlikkiihfgai",
            "Sec-WebSocket-Version: 13",
            "User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_4) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/66.0.3359.181 Safari/537.36",
            "Accept-Encoding: gzip, deflate, br",
            "Accept-Language: zh-CN,zh;q=0.9,en-US;q=0.8,en;q=0.7",
            "Cookie: _ga=GA1.1.13036277.1526997915; m=",
            "Sec-WebSocket-Key: I88buTTIKcJE1QKxHAMpnA==",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
            "Sec-WebSocket-Protocol: v10.stomp, v11.stomp, v12.stomp",
            "", "");

    /** A browser-like request: origin-form target and 13 field lines. */
    static final String BROWSER = String.join("\r\n",
            "GET /stomp HTTP/1.1",
            "Host: example.com",
            "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
            "Accept: */*",
            "Accept-Language: en-US,en;q=0.5",
            "Accept-Encoding: gzip, deflate, br, zstd",
            "Sec-WebSocket-Version: 13",
            "Origin: https://example.com",
            "Sec-WebSocket-Protocol: v12.stomp, v11.stomp",
            "Sec-WebSocket-Extensions: permessage-deflate",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Connection: keep-alive, Upgrade",
            "Sec-Fetch-Mode: websocket",
            "Upgrade: websocket",
            "", "");

    private HandshakeRequests() {}

    /** The bytes of the request named by a benchmark's {@code request} parameter. */
    static byte[] of(String request) {
        return switch (request) {
            case "notes" -> NOTES.getBytes(StandardCharsets.ISO_8859_1);
            case "browser" -> BROWSER.getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new IllegalArgumentException("unknown request " + request);
        };
    }
}
