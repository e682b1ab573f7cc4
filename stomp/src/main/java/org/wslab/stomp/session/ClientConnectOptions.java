package org.wslab.stomp.session;

import java.util.EnumSet;
import java.util.Set;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.StompVersion;

/**
 * What a client puts in its CONNECT frame (STOMP 1.2 "CONNECT or STOMP Frame"), and how much
 * silence it tolerates from the server ("Heart-beating" leaves the margin to the implementation).
 *
 * @param host               the {@code host} header (virtual host), never null
 * @param login              {@code login}, or null
 * @param passcode           {@code passcode}, or null
 * @param acceptVersions     versions offered in {@code accept-version}
 * @param heartBeat          the client's {@code heart-beat}
 * @param heartBeatTolerance the server is given up after {@code expected interval × this} of silence, at least 1.0
 */
public record ClientConnectOptions(String host, String login, String passcode, Set<StompVersion> acceptVersions,
                                   HeartBeat heartBeat, double heartBeatTolerance) {
    /** Silence tolerated by default: twice the server's negotiated interval. */
    public static final double DEFAULT_HEART_BEAT_TOLERANCE = 2.0;

    /** host {@code localhost}, no login, versions 1.0–1.2, heart-beat 10000,10000, tolerance 2×. */
    public static final ClientConnectOptions DEFAULT = new ClientConnectOptions("localhost", null, null,
            EnumSet.allOf(StompVersion.class), new HeartBeat(10_000, 10_000));

    public ClientConnectOptions {
        acceptVersions = Set.copyOf(acceptVersions);
        if (!(heartBeatTolerance >= 1.0)) {
            throw new IllegalArgumentException("heart-beat tolerance must be at least 1.0, got " + heartBeatTolerance);
        }
    }

    /** Options with the default heart-beat tolerance. */
    public ClientConnectOptions(String host, String login, String passcode, Set<StompVersion> acceptVersions,
                                HeartBeat heartBeat) {
        this(host, login, passcode, acceptVersions, heartBeat, DEFAULT_HEART_BEAT_TOLERANCE);
    }

    /** The CONNECT frame these options make: {@code accept-version}, {@code host}, {@code heart-beat}, then login and passcode if set. */
    public StompFrame connectFrame() {
        StompFrame f = StompFrame.of(StompCommand.CONNECT, "accept-version", VersionNegotiation.list(acceptVersions),
                "host", host, "heart-beat", heartBeat.header());
        if (login != null) {
            f = f.withHeader("login", login);
        }
        return passcode == null ? f : f.withHeader("passcode", passcode);
    }

    public ClientConnectOptions withLogin(String l, String p) {
        return new ClientConnectOptions(host, l, p, acceptVersions, heartBeat, heartBeatTolerance);
    }

    public ClientConnectOptions withHost(String h) {
        return new ClientConnectOptions(h, login, passcode, acceptVersions, heartBeat, heartBeatTolerance);
    }

    public ClientConnectOptions withVersions(Set<StompVersion> v) {
        return new ClientConnectOptions(host, login, passcode, v, heartBeat, heartBeatTolerance);
    }

    public ClientConnectOptions withHeartBeat(HeartBeat h) {
        return new ClientConnectOptions(host, login, passcode, acceptVersions, h, heartBeatTolerance);
    }

    public ClientConnectOptions withHeartBeatTolerance(double t) {
        return new ClientConnectOptions(host, login, passcode, acceptVersions, heartBeat, t);
    }
}
