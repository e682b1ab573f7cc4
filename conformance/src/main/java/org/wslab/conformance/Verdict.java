package org.wslab.conformance;

/**
 * What a {@link ConformanceCase} concluded about the server, in Autobahn|Testsuite's vocabulary.
 * Only {@link #FAILED} makes a run fail; the others are reported.
 */
public enum Verdict {
    /** The server did what RFC 6455 requires, in the way the case expects. */
    OK("behaved as the specification requires"),
    /** The outcome is allowed but not the strict one, e.g. a protocol error answered by closing TCP without a Close frame (§7.1.7). */
    NON_STRICT("behaved acceptably, but not in the strictest way the specification describes"),
    /** The specification leaves the behaviour open; what the server did is recorded, not judged. */
    INFORMATIONAL("the behaviour is recorded; the specification leaves it to the implementation"),
    /** The case needs a feature the server did not offer (e.g. an extension it did not negotiate). */
    UNIMPLEMENTED("the server does not implement the feature this case needs"),
    /** The server broke a MUST of the specification (or never answered). */
    FAILED("broke a requirement of the specification");

    private final String meaning;

    Verdict(String meaning) {
        this.meaning = meaning;
    }

    /** The verdict in one line. */
    public String meaning() {
        return meaning;
    }
}
