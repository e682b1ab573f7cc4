package org.wslab.stomp.session;

import java.util.Optional;
import java.util.Set;
import org.wslab.stomp.StompVersion;

/**
 * STOMP 1.2 "Protocol Negotiation": the server answers with the highest version both sides
 * support; a CONNECT without {@code accept-version} means 1.0; no common version is an ERROR.
 */
public final class VersionNegotiation {
    private VersionNegotiation() {}

    /** The version to use, or empty when none is common. */
    public static Optional<StompVersion> negotiate(String acceptVersion, Set<StompVersion> supported) {
        if (acceptVersion == null) {
            return supported.contains(StompVersion.V1_0) ? Optional.of(StompVersion.V1_0) : Optional.empty();
        }
        StompVersion best = null;
        for (String part : acceptVersion.split(",", -1)) {
            Optional<StompVersion> v = StompVersion.fromText(part.trim()).filter(supported::contains);
            if (v.isPresent() && (best == null || v.get().compareTo(best) > 0)) {
                best = v.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The {@code version} header listing {@code supported}, e.g. {@code 1.0,1.1,1.2}. */
    public static String list(Set<StompVersion> supported) {
        StringBuilder sb = new StringBuilder();
        for (StompVersion v : StompVersion.values()) {
            if (supported.contains(v)) {
                sb.append(sb.length() == 0 ? "" : ",").append(v.text());
            }
        }
        return sb.toString();
    }
}
