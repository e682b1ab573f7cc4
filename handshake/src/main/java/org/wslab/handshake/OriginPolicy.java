package org.wslab.handshake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which {@code Origin} values a server accepts (RFC 6455 §4.2.2 (4) /origin/, §10.2); a rejected origin
 * gets 403 Forbidden. Non-browser clients usually send no Origin.
 */
@FunctionalInterface
public interface OriginPolicy {
    /** Whether to accept a request with this Origin (empty when the request has none). */
    boolean allows(Optional<String> origin);

    /** Accepts every request, with or without Origin. */
    static OriginPolicy any() {
        return origin -> true;
    }

    /**
     * Accepts requests without Origin, and those whose Origin is one of {@code origins}
     * (compared ignoring ASCII case, RFC 6454 §6.1 serializations, e.g. {@code https://example.com}).
     */
    static OriginPolicy only(Set<String> origins) {
        Set<String> lower = origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return origin -> origin.isEmpty() || lower.contains(origin.get().toLowerCase(Locale.ROOT));
    }

    /**
     * Accepts requests without Origin (non-browser clients send none), and those whose Origin one of
     * {@code patterns} matches ({@link OriginPattern#matches}); an empty list accepts every request.
     */
    static OriginPolicy matching(List<OriginPattern> patterns) {
        List<OriginPattern> copy = List.copyOf(patterns);
        if (copy.isEmpty()) {
            return any();
        }
        return origin -> origin.isEmpty() || copy.stream().anyMatch(p -> p.matches(origin.get()));
    }
}
