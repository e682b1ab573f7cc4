package org.wslab.stomp.session;

import java.util.Optional;

/**
 * Checks CONNECT's {@code login} and {@code passcode} (STOMP 1.2 "CONNECT or STOMP Frame").
 * {@link #NONE}, the default, accepts everyone.
 */
@FunctionalInterface
public interface Authenticator {
    /** Accepts every client, with or without credentials. */
    Authenticator NONE = (login, passcode) -> Optional.empty();

    /** Why the client is refused, or empty when it is accepted. Arguments may be null. */
    Optional<String> refuse(String login, String passcode);
}
