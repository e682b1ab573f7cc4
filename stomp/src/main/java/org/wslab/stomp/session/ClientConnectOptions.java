package org.wslab.stomp.session;

import java.util.EnumSet;
import java.util.Set;
import org.wslab.stomp.codec.StompVersion;

/**
 * What a client puts in its CONNECT frame (STOMP 1.2 "CONNECT or STOMP Frame").
 *
 * @param host           the {@code host} header (virtual host), never null
 * @param login          {@code login}, or null
 * @param passcode       {@code passcode}, or null
 * @param acceptVersions versions offered in {@code accept-version}
 * @param heartBeat      the client's {@code heart-beat}
 */
public record ClientConnectOptions(String host, String login, String passcode, Set<StompVersion> acceptVersions,
                                   HeartBeat heartBeat) {
    /** host {@code localhost}, no login, versions 1.0–1.2, heart-beat 10000,10000. */
    public static final ClientConnectOptions DEFAULT = new ClientConnectOptions("localhost", null, null,
            EnumSet.allOf(StompVersion.class), new HeartBeat(10_000, 10_000));

    public ClientConnectOptions {
        acceptVersions = Set.copyOf(acceptVersions);
    }

    public ClientConnectOptions withLogin(String l, String p) {
        return new ClientConnectOptions(host, l, p, acceptVersions, heartBeat);
    }

    public ClientConnectOptions withHost(String h) {
        return new ClientConnectOptions(h, login, passcode, acceptVersions, heartBeat);
    }

    public ClientConnectOptions withVersions(Set<StompVersion> v) {
        return new ClientConnectOptions(host, login, passcode, v, heartBeat);
    }

    public ClientConnectOptions withHeartBeat(HeartBeat h) {
        return new ClientConnectOptions(host, login, passcode, acceptVersions, h);
    }
}
