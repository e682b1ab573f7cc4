package org.wslab.tutorials.tour;

import org.wslab.tutorials.chapters.Chapter;

/**
 * What became of one chapter in a tour.
 *
 * @param chapter the chapter
 * @param status  passed, failed, skipped (not written yet) or not selected ({@code --only})
 * @param seconds how long its examples ran (0 when they did not run)
 * @param detail  for a failure, the one line saying what went wrong; else {@code null}
 */
public record ChapterOutcome(Chapter chapter, Status status, double seconds, String detail) {
    /** A chapter's state after the tour. */
    public enum Status {
        /** Every example ran as the text says; its transcripts are fresh. */
        PASSED,
        /** An example did not behave as the text says. */
        FAILED,
        /** The chapter is not written yet: nothing to run. */
        SKIPPED,
        /** Written, but left out by {@code --only}. */
        NOT_SELECTED
    }

    /** The summary line: {@code ✓ ch01 The opening handshake (2.1 s)}. */
    public String line() {
        String name = chapter.id() + " " + chapter.title();
        return switch (status) {
            case PASSED -> String.format("✓ %s (%.1f s)", name, seconds);
            case FAILED -> String.format("✗ %s (%.1f s): %s", name, seconds, detail);
            case SKIPPED -> "- " + name + ": skipped (not written yet)";
            case NOT_SELECTED -> "- " + name + ": not run (left out by --only)";
        };
    }
}
