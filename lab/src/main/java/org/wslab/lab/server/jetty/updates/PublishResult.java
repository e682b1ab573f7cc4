package org.wslab.lab.server.jetty.updates;

/** What {@link UpdateFeed#publish} did. */
public sealed interface PublishResult {
    /** Published and handed to every subscriber. */
    record Published(Update update) implements PublishResult {}

    /** Refused: longer than {@link UpdateLimits#maxUpdateBytes()} in UTF-8. */
    record TooLarge(int bytes, int limit) implements PublishResult {}

    /** Refused: the text has a CR or LF, which would split a poll line or an event. */
    record NotOneLine() implements PublishResult {}

    /** Refused: the feed is closed (its server stopped). */
    record Closed() implements PublishResult {}
}
