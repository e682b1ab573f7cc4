package org.wslab.stomp.session;

import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompFrame;

/**
 * The server's answer to CONNECT or STOMP (STOMP 1.2 "Connecting", "Protocol Negotiation",
 * "Heart-beating"): the highest common version, the client's heart-beat header (none under 1.0),
 * and the authenticator's verdict. A refusal is cited under the version agreed so far.
 */
final class ServerConnect {
    private ServerConnect() {}

    /** What CONNECT leads to. */
    sealed interface Outcome {
        /** Connected under {@code version}; the client's {@code heart-beat}. */
        record Agreed(StompVersion version, HeartBeat client) implements Outcome {}

        /** Refused (the session answers ERROR and closes). */
        record Refused(StompViolation violation) implements Outcome {}
    }

    static Outcome negotiate(StompFrame f, StompServerConfig config) {
        Optional<StompVersion> negotiated = VersionNegotiation.negotiate(f.header("accept-version"), config.versions());
        if (negotiated.isEmpty()) {
            return new Outcome.Refused(StompViolation.of(StompRule.NO_COMMON_VERSION, "client accepts \""
                    + f.header("accept-version") + "\", server supports " + VersionNegotiation.list(config.versions())));
        }
        StompVersion version = negotiated.get();
        HeartBeat.Parsed hb = HeartBeat.parse(f.header("heart-beat"), version);
        if (hb instanceof HeartBeat.Parsed.Invalid invalid) {
            return new Outcome.Refused(invalid.violation());
        }
        HeartBeat offered = ((HeartBeat.Parsed.Valid) hb).value();
        Optional<String> refusal = config.authenticator().refuse(f.header("login"), f.header("passcode"));
        if (refusal.isPresent()) {
            return new Outcome.Refused(new StompViolation(StompRule.AUTHENTICATION_FAILED, version, refusal.get()));
        }
        return new Outcome.Agreed(version, version == StompVersion.V1_0 ? HeartBeat.NONE : offered);
    }
}
