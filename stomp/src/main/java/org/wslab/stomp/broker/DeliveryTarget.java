package org.wslab.stomp.broker;

/**
 * Where a broker hands messages for one connection (STOMP 1.2 "MESSAGE"; a broker failure becomes an "ERROR"). Called from whichever thread published, often
 * while the broker holds its lock: implementations must not block and must not call the broker.
 */
@FunctionalInterface
public interface DeliveryTarget {
    /** Hands over one message for one of this connection's subscriptions. */
    void deliver(Delivery delivery);

    /**
     * The broker side failed (e.g. a relay lost its upstream broker): the session answers with an
     * ERROR naming {@code violation} and closes. Must not block or call back into the broker.
     */
    default void brokerFailed(org.wslab.stomp.StompViolation violation) {
    }
}
