package org.wslab.handshake.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One element of a {@code Sec-WebSocket-Extensions} list (RFC 6455 §9.1): an extension token and its
 * parameters in order. The same type serves offers (request) and acceptances (response).
 *
 * @param name       the extension token, e.g. {@code permessage-deflate}
 * @param parameters its parameters in the order written (duplicates kept: rejecting them is the
 *                   extension's business, e.g. RFC 7692 §7.1)
 */
public record ExtensionOffer(String name, List<ExtensionParameter> parameters) {
    public ExtensionOffer {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (!Tokens.isToken(name)) {
            throw new IllegalArgumentException("extension name is not a token: \"" + name + "\"");
        }
    }

    /** An offer with these parameters. */
    public static ExtensionOffer of(String name, ExtensionParameter... parameters) {
        return new ExtensionOffer(name, List.of(parameters));
    }

    /** This offer with one more parameter. */
    public ExtensionOffer with(ExtensionParameter parameter) {
        List<ExtensionParameter> list = new ArrayList<>(parameters);
        list.add(parameter);
        return new ExtensionOffer(name, list);
    }

    /** {@code name; p1; p2=v}, as written in a header. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name);
        for (ExtensionParameter p : parameters) {
            out.append("; ").append(p);
        }
        return out.toString();
    }
}
