package org.wslab.handshake;

import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/**
 * How a server answered one opening handshake request, judged against what RFC 6455 asks of it:
 * open a WebSocket for a request that keeps every rule of §4.2.1 (answering a 101 that keeps every
 * rule of §4.1's server-response list), and refuse one that breaks a rule (§4.2.1, with
 * {@link RefusalRule}'s form). The two right behaviours are {@link Proper}; the others name the
 * first rule the server broke.
 */
public sealed interface ServerConduct {

    /** The first rule the server broke (for a refused good request, {@link HandshakeRule#STATUS_101}); empty when proper. */
    Optional<SpecRule> rule();

    /** What was found about that rule; empty when proper. */
    String detail();

    /** Whether the server did what RFC 6455 asks of it for this request. */
    default boolean proper() {
        return rule().isEmpty();
    }

    /** A behaviour RFC 6455 asks for: no rule broken. */
    sealed interface Proper extends ServerConduct {
        @Override
        default Optional<SpecRule> rule() {
            return Optional.empty();
        }

        @Override
        default String detail() {
            return "";
        }
    }

    /** A good request, a good 101: the WebSocket is open (RFC 6455 §4.1). */
    record Opened(ClientVerdict.Accepted accepted) implements Proper {
        public Opened {
            Objects.requireNonNull(accepted, "accepted");
        }
    }

    /**
     * The request broke {@code broken}'s rule and the server refused it as RFC 6455 requires.
     *
     * @param response the refusal
     */
    record RefusedAsRequired(RuleCheck broken, ResponseHead response) implements Proper {
        public RefusedAsRequired {
            Objects.requireNonNull(broken, "broken");
            Objects.requireNonNull(response, "response");
        }
    }

    /** The request broke {@code broken}'s rule, yet the server answered 101: it must have refused (§4.2.1). */
    record AcceptedBadRequest(RuleCheck broken) implements ServerConduct {
        public AcceptedBadRequest {
            Objects.requireNonNull(broken, "broken");
        }

        public Optional<SpecRule> rule() {
            return Optional.of(broken.rule());
        }

        public String detail() {
            return "the server accepted a request it must refuse: " + broken.detail();
        }
    }

    /** The request broke {@code broken}'s rule; the server refused it, but its refusal breaks {@code refusal}'s rule. */
    record RefusedImproperly(RuleCheck broken, RuleCheck refusal) implements ServerConduct {
        public RefusedImproperly {
            Objects.requireNonNull(broken, "broken");
            Objects.requireNonNull(refusal, "refusal");
        }

        public Optional<SpecRule> rule() {
            return Optional.of(refusal.rule());
        }

        public String detail() {
            return refusal.detail();
        }
    }

    /** A request that keeps every rule, answered with a status other than 101: no WebSocket (§4.1 (response 1)). */
    record NotOpened(ResponseHead response) implements ServerConduct {
        public NotOpened {
            Objects.requireNonNull(response, "response");
        }

        public Optional<SpecRule> rule() {
            return Optional.of(HandshakeRule.STATUS_101);
        }

        public String detail() {
            return "status " + response.status() + (response.reason().isEmpty() ? "" : " " + response.reason())
                    + ": no WebSocket for a request that keeps every rule";
        }
    }

    /** A request that keeps every rule, answered with a 101 that breaks {@code failed}'s rule; the client must fail it (§4.1). */
    record BadUpgrade(RuleCheck failed) implements ServerConduct {
        public BadUpgrade {
            Objects.requireNonNull(failed, "failed");
        }

        public Optional<SpecRule> rule() {
            return Optional.of(failed.rule());
        }

        public String detail() {
            return failed.detail();
        }
    }
}
