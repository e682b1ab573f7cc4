package org.wslab.conformance;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a conforming server does in a case: sends these replies, in this order, and nothing else,
 * then ends as {@code ending} says.
 *
 * @param replies   the messages and control frames expected back, in order
 * @param ending    how the connection ends
 * @param refusals  close codes with which a server may refuse a message instead of answering it,
 *                  e.g. 1009 for one over its size limit (§7.4.1, §10.4): judged INFORMATIONAL
 */
public record Expectation(List<Reply> replies, Ending ending, Set<Integer> refusals) {
    public Expectation {
        replies = List.copyOf(replies);
        Objects.requireNonNull(ending, "ending");
        refusals = Set.copyOf(refusals);
    }

    /** Replies then an ending, no refusal allowed. */
    public Expectation(List<Reply> replies, Ending ending) {
        this(replies, ending, Set.of());
    }

    /** This expectation, with a server allowed to refuse a message with a Close carrying one of {@code codes}. */
    public Expectation refusable(Set<Integer> codes) {
        return new Expectation(replies, ending, codes);
    }

    /** What a conforming server does, in words. */
    public String describe() {
        String r = replies.isEmpty() ? "sends nothing back"
                : "sends back " + replies.stream().map(Reply::toString).collect(Collectors.joining(", "));
        return r + ", then " + ending.describe()
                + (refusals.isEmpty() ? "" : "; or refuses it with a Close " + Ending.codesText(refusals));
    }
}
