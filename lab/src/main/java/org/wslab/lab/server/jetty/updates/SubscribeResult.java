package org.wslab.lab.server.jetty.updates;

/** What {@link UpdateFeed#subscribe} did. */
public sealed interface SubscribeResult {
    /**
     * Subscribed; {@code backlog} is what was already there after the asked sequence number (taken
     * together with the subscription, so nothing falls between them).
     */
    record Subscribed(ReadResult backlog, Subscription subscription) implements SubscribeResult {}

    /** Refused: {@link UpdateLimits#maxSubscribers()} are subscribed already. */
    record Full(int limit) implements SubscribeResult {}

    /** Refused: the feed is closed. */
    record Closed() implements SubscribeResult {}
}
