package org.wslab.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.HeaderField;

/**
 * What a client asks for in its opening handshake (RFC 6455 §4.1 (8)–(12)).
 *
 * @param subprotocols Sec-WebSocket-Protocol values, in the client's order of preference
 * @param extensions   Sec-WebSocket-Extensions offers, in order (e.g. permessage-deflate)
 * @param origin       the Origin to send, if any (browsers always send one)
 * @param extraHeaders further fields, appended last; one named like a generated field
 *                     (e.g. {@code Sec-WebSocket-Version}) replaces it, to probe servers' refusals
 *                     (RFC 6455 §4.2.1); one named so with an empty value leaves that field out
 */
public record ClientOptions(List<String> subprotocols, List<ExtensionOffer> extensions,
                            Optional<String> origin, List<HeaderField> extraHeaders) {
    public ClientOptions {
        subprotocols = List.copyOf(subprotocols);
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(origin, "origin");
        extraHeaders = List.copyOf(extraHeaders);
        for (String p : subprotocols) {
            if (!RequestRules.isToken(p)) {
                throw new IllegalArgumentException("sub-protocol is not a token (RFC 6455 §4.1 (10)): \"" + p + "\"");
            }
        }
    }

    /** No sub-protocols, no extensions, no Origin, no extra fields. */
    public static ClientOptions defaults() {
        return new ClientOptions(List.of(), List.of(), Optional.empty(), List.of());
    }

    /** These options offering these sub-protocols. */
    public ClientOptions withSubprotocols(String... names) {
        return new ClientOptions(List.of(names), extensions, origin, extraHeaders);
    }

    /** These options offering these extensions. */
    public ClientOptions withExtensions(ExtensionOffer... offers) {
        return new ClientOptions(subprotocols, List.of(offers), origin, extraHeaders);
    }

    /** These options sending this Origin. */
    public ClientOptions withOrigin(String value) {
        return new ClientOptions(subprotocols, extensions, Optional.of(value), extraHeaders);
    }

    /** These options with one more field. */
    public ClientOptions withHeader(String name, String value) {
        List<HeaderField> list = new ArrayList<>(extraHeaders);
        list.add(new HeaderField(name, value));
        return new ClientOptions(subprotocols, extensions, origin, list);
    }
}
