package org.wslab.stomp.broker;

/**
 * A message broker that STOMP sessions publish to and subscribe from (STOMP 1.2 "Protocol
 * Overview": the server is a broker of destinations). {@link InMemoryBroker} is the lab's; a relay
 * to an external STOMP broker implements the same interface.
 */
@FunctionalInterface
public interface StompBroker {
    /** Opens the broker side of one STOMP connection; everything for it goes into {@code mailbox}. */
    BrokerConnection connect(String sessionId, Mailbox mailbox);
}
