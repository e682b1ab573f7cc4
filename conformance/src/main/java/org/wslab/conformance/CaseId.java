package org.wslab.conformance;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A case's dotted identity: its category, then its Autobahn-style section numbers, e.g.
 * {@code framing.1.1.1} or {@code close.7.9.3}. Ids sort by their numbers first, in Autobahn's order (1.x
 * framing before 2.x ping/pong), then by category.
 *
 * @param value the dotted text
 */
public record CaseId(String value) implements Comparable<CaseId> {
    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[0-9]+)+");

    public CaseId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a case id is category.n[.n...], e.g. framing.1.1.1: \"" + value + "\"");
        }
    }

    /** The id {@code category.n.n...}. */
    public static CaseId of(String category, int... numbers) {
        StringBuilder b = new StringBuilder(category);
        for (int n : numbers) {
            b.append('.').append(n);
        }
        return new CaseId(b.toString());
    }

    /** The category, the part before the first dot. */
    public String category() {
        return value.substring(0, value.indexOf('.'));
    }

    /** The section numbers after the category, e.g. {@code 1.1.1}. */
    public String section() {
        return value.substring(value.indexOf('.') + 1);
    }

    private int[] numbers() {
        return Arrays.stream(section().split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public int compareTo(CaseId o) {
        int c = Arrays.compare(numbers(), o.numbers());
        return c != 0 ? c : category().compareTo(o.category());
    }

    @Override
    public String toString() {
        return value;
    }
}
