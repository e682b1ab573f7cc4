package org.wslab.stomp.session;

import java.util.Optional;
import java.util.Set;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompFrame;

/**
 * What a frame from the server means to a client in its current state (STOMP 1.2 "Server Frames"):
 * CONNECTED only in answer to CONNECT, and once ("Protocol Negotiation": the version it names must
 * be one we offered; no {@code version} header means a 1.0 server); MESSAGE and RECEIPT only after
 * it; ERROR at any time; any client command is from the wrong direction.
 */
final class ServerFrames {
    private ServerFrames() {}

    sealed interface Outcome {}

    record Connected(StompVersion version, HeartBeat serverHeartBeat) implements Outcome {}

    record Message(String subscription) implements Outcome {}

    record Receipt(String receiptId) implements Outcome {}

    record Error() implements Outcome {}

    record Broken(StompViolation violation) implements Outcome {}

    /**
     * @param awaitingConnected true between sending CONNECT and receiving CONNECTED
     * @param version           the version in force
     * @param offered           the versions our CONNECT offered
     */
    static Outcome classify(StompFrame f, boolean awaitingConnected, StompVersion version, Set<StompVersion> offered) {
        switch (f.command()) {
            case CONNECTED:
                return awaitingConnected ? connected(f, offered)
                        : broken(StompRule.ALREADY_CONNECTED, version, "a second CONNECTED (the version stays " + version.text() + ")");
            case ERROR:
                return new Error();
            case MESSAGE:
                if (awaitingConnected) {
                    return broken(StompRule.NOT_CONNECTED, version, "MESSAGE before CONNECTED");
                }
                String sub = f.header("subscription", f.header("destination"));
                return sub == null ? broken(StompRule.MISSING_HEADER, version, "MESSAGE without subscription")
                        : new Message(sub);
            case RECEIPT:
                if (awaitingConnected) {
                    return broken(StompRule.NOT_CONNECTED, version, "RECEIPT before CONNECTED");
                }
                String id = f.header("receipt-id");
                return id == null ? broken(StompRule.MISSING_HEADER, version, "RECEIPT without receipt-id") : new Receipt(id);
            default:
                return broken(StompRule.WRONG_DIRECTION, version, f.command() + " from a server");
        }
    }

    private static Outcome connected(StompFrame f, Set<StompVersion> offered) {
        String text = f.header("version");
        Optional<StompVersion> named = text == null ? Optional.of(StompVersion.V1_0) : StompVersion.fromText(text);
        if (named.isEmpty() || !offered.contains(named.get())) {
            return broken(StompRule.NO_COMMON_VERSION, StompVersion.V1_2, "CONNECTED names version \""
                    + (text == null ? "1.0 (no version header)" : text) + "\", which our CONNECT did not offer");
        }
        StompVersion v = named.get();
        if (v == StompVersion.V1_0) {
            return new Connected(v, HeartBeat.NONE); // 1.0 has no heart-beats
        }
        HeartBeat.Parsed hb = HeartBeat.parse(f.header("heart-beat"), v);
        return hb instanceof HeartBeat.Parsed.Valid valid ? new Connected(v, valid.value())
                : new Broken(((HeartBeat.Parsed.Invalid) hb).violation());
    }

    private static Outcome broken(StompRule rule, StompVersion version, String detail) {
        return new Broken(new StompViolation(rule, version, detail));
    }
}
