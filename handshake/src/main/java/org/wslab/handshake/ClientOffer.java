package org.wslab.handshake;

import java.util.List;
import java.util.Objects;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.RequestHead;

/**
 * What a client's request offered, as far as the response must match it (RFC 6455 §4.1, the
 * server-response checks): the key, the sub-protocols and the extensions.
 *
 * @param key          the Sec-WebSocket-Key sent (empty when the request had none)
 * @param subprotocols offered sub-protocols in order
 * @param extensions   offered extensions in order
 */
public record ClientOffer(String key, List<String> subprotocols, List<ExtensionOffer> extensions) {
    public ClientOffer {
        Objects.requireNonNull(key, "key");
        subprotocols = List.copyOf(subprotocols);
        extensions = List.copyOf(extensions);
    }

    /** Reads the offer from a request head; an unparsable extension list counts as no offers. */
    public static ClientOffer of(RequestHead request) {
        var h = request.headers();
        List<ExtensionOffer> ext = ExtensionHeader.parse(h.all("Sec-WebSocket-Extensions"))
                instanceof ExtensionHeader.Result.Parsed p ? p.offers() : List.of();
        return new ClientOffer(h.first("Sec-WebSocket-Key").orElse(""), h.tokens("Sec-WebSocket-Protocol"), ext);
    }
}
