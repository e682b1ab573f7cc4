package org.wslab.lab.stomp;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wslab.stomp.StompVersion;

/**
 * The STOMP sub-protocols of the lab's {@code /websocket/app} (RFC 6455 §1.9, §4.2.2): the server
 * prefers {@code v12.stomp}, then {@code v11.stomp}, then {@code v10.stomp}; a client offering none
 * of them (or nothing) is still served as STOMP, without a sub-protocol. The sub-protocol does not
 * fix the STOMP version: CONNECT's {@code accept-version} does (STOMP 1.2 "Protocol Negotiation").
 */
public final class StompSubProtocols {
    /** The server's preference, highest version first. */
    public static final List<String> SERVER_PREFERENCE = List.of("v12.stomp", "v11.stomp", "v10.stomp");

    private StompSubProtocols() {}

    /** The offered sub-protocol naming the highest of {@code versions}, in the client's spelling; null for none. */
    public static String choose(List<String> offered, Set<StompVersion> versions) {
        String best = null;
        StompVersion bestVersion = null;
        for (String o : offered) {
            String name = o.trim();
            Optional<StompVersion> v = StompVersion.fromSubProtocol(name).filter(versions::contains);
            if (v.isPresent() && (bestVersion == null || v.get().compareTo(bestVersion) > 0)) {
                best = name;
                bestVersion = v.get();
            }
        }
        return best;
    }
}
