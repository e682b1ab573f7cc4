package org.wslab.conformance;

/** Told of each case as it finishes, for a progress line; called from the runner's worker threads. */
@FunctionalInterface
public interface Progress {
    /** Case {@code done} of {@code total} finished with {@code result}. */
    void finished(CaseResult result, int done, int total);

    /** Ignores progress. */
    static Progress none() {
        return (r, done, total) -> { };
    }
}
