package org.wslab.stomp.jetty;

import java.util.concurrent.ScheduledExecutorService;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.session.StompServerConfig;

/**
 * Everything a mounted STOMP endpoint needs.
 *
 * @param broker    the broker sessions publish to (in-memory, or a relay)
 * @param session   per-session STOMP settings (versions, heart-beat, limits, authenticator)
 * @param scheduler drives heart-beats; owned by the caller, who shuts it down
 * @param tap       sees every WebSocket message, for traces
 */
public record StompEndpointConfig(StompBroker broker, StompServerConfig session, ScheduledExecutorService scheduler,
                                  StompWireTap tap) {
    public StompEndpointConfig withTap(StompWireTap t) {
        return new StompEndpointConfig(broker, session, scheduler, t);
    }
}
