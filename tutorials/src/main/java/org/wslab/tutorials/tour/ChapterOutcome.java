package org.wslab.tutorials.tour;

import java.util.List;
import org.wslab.tutorials.chapters.Chapter;

/**
 * What became of one chapter in a tour.
 *
 * @param chapter the chapter
 * @param status       passed, failed, skipped (something it needs, such as nginx or Chromium,
 *                     is not installed) or not selected ({@code --only})
 * @param seconds      how long its examples ran (0 when they did not run)
 * @param detail       for a failure, the one line saying what went wrong; for a skip, why; else {@code null}
 * @param skippedParts parts of a passed chapter that could not run here, each with its reason
 */
public record ChapterOutcome(Chapter chapter, Status status, double seconds, String detail,
        List<String> skippedParts) {
    /** An outcome with no skipped parts. */
    public ChapterOutcome(Chapter chapter, Status status, double seconds, String detail) {
        this(chapter, status, seconds, detail, List.of());
    }

    /** Copies the parts list. */
    public ChapterOutcome {
        skippedParts = List.copyOf(skippedParts);
    }

    /** A chapter's state after the tour. */
    public enum Status {
        /** Every example ran as the text says; its transcripts are fresh. */
        PASSED,
        /** An example did not behave as the text says. */
        FAILED,
        /** Not written yet, or something it needs (nginx, Chromium) is not installed here. */
        SKIPPED,
        /** Written, but left out by {@code --only}. */
        NOT_SELECTED
    }

    /** The summary line: {@code ✓ ch01 The opening handshake (2.1 s)}. */
    public String line() {
        String name = chapter.id() + " " + chapter.title();
        return switch (status) {
            case PASSED -> skippedParts.isEmpty() ? String.format("✓ %s (%.1f s)", name, seconds)
                    : String.format("✓ %s (%.1f s; skipped here — %s)", name, seconds, String.join("; ", skippedParts));
            case FAILED -> String.format("✗ %s (%.1f s): %s", name, seconds, detail);
            case SKIPPED -> "- " + name + ": skipped (" + detail + ")";
            case NOT_SELECTED -> "- " + name + ": not run (left out by --only)";
        };
    }
}
