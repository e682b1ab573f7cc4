package org.wslab.conformance;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a conforming server does in a case: sends these replies, in this order, and nothing else,
 * then ends as {@code ending} says.
 *
 * @param replies the messages and control frames expected back, in order
 * @param ending  how the connection ends
 */
public record Expectation(List<Reply> replies, Ending ending) {
    public Expectation {
        replies = List.copyOf(replies);
        Objects.requireNonNull(ending, "ending");
    }

    /** What a conforming server does, in words. */
    public String describe() {
        String r = replies.isEmpty() ? "sends nothing back"
                : "sends back " + replies.stream().map(Reply::toString).collect(Collectors.joining(", "));
        return r + ", then " + ending.describe();
    }
}
