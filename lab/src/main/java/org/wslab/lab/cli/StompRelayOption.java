package org.wslab.lab.cli;

import java.time.Duration;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.stomp.RelayProbe;
import org.wslab.lab.stomp.StompBackend;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code serve --relay HOST:PORT}: reads the address (a bad one is a usage error) and checks that a
 * STOMP broker answers there before the server starts (STOMP 1.2 "Connecting": CONNECT → CONNECTED),
 * so a typo or a stopped broker is one clear line at start rather than an ERROR per session later.
 */
final class StompRelayOption {
    /** How long the start-up check waits for the broker's CONNECTED. */
    static final int PROBE_TIMEOUT_MILLIS = 5_000;

    private StompRelayOption() {}

    /**
     * The in-memory backend when {@code relay} is null, else the checked relay, giving a lost broker
     * {@code giveUp} (null: the relay's default, 60 s) to come back.
     */
    static StompBackend backend(CommandSpec spec, String relay, Duration giveUp) {
        if (relay == null) {
            if (giveUp != null) {
                throw new ParameterException(spec.commandLine(), "--relay-give-up goes with --relay HOST:PORT");
            }
            return StompBackend.IN_MEMORY;
        }
        StompBackend.Relay target;
        try {
            target = StompBackend.Relay.parse(relay);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--relay: " + e.getMessage());
        }
        if (giveUp != null) {
            target = target.withGiveUpAfter(giveUp);
        }
        RelayProbe.problem(target, PROBE_TIMEOUT_MILLIS).ifPresent(line -> {
            throw new LabFailure(line);
        });
        return target;
    }
}
