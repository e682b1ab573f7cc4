package org.wslab.handshake.extension;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code extension-param} of RFC 6455 §9.1: a token name and an optional value. A value given
 * as a quoted-string is stored unescaped; after unescaping it must be a token (§9.1), so it is
 * written back unquoted.
 *
 * @param name  a token, e.g. {@code client_max_window_bits}
 * @param value the value, if any, e.g. {@code 10}
 */
public record ExtensionParameter(String name, Optional<String> value) {
    public ExtensionParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!Tokens.isToken(name)) {
            throw new IllegalArgumentException("extension parameter name is not a token: \"" + name + "\"");
        }
        if (value.isPresent() && !Tokens.isToken(value.get())) {
            throw new IllegalArgumentException("extension parameter value is not a token: \"" + value.get() + "\"");
        }
    }

    /** A valueless parameter, e.g. {@code server_no_context_takeover}. */
    public static ExtensionParameter of(String name) {
        return new ExtensionParameter(name, Optional.empty());
    }

    /** A parameter with a value, e.g. {@code server_max_window_bits=10}. */
    public static ExtensionParameter of(String name, String value) {
        return new ExtensionParameter(name, Optional.of(value));
    }

    /** {@code name} or {@code name=value}. */
    @Override
    public String toString() {
        return value.map(v -> name + "=" + v).orElse(name);
    }
}
