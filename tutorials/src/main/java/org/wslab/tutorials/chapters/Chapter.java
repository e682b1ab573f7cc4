package org.wslab.tutorials.chapters;

import java.util.Optional;

/**
 * One chapter of the book: its number, title and AsciiDoc file, and the run that captures its
 * transcripts — empty for a chapter not written yet, which the tour reports as skipped.
 *
 * @param number the chapter's number (1–8)
 * @param title  its title
 * @param file   its file under {@code src/docs/asciidoc}, e.g. {@code ch01-opening-handshake.adoc}
 * @param run    its examples, or empty when the chapter is not written yet
 */
public record Chapter(int number, String title, String file, Optional<ChapterRun> run) {
    /** True when the chapter has examples to run (it is written). */
    public boolean written() {
        return run.isPresent();
    }

    /** {@code ch01}: the folder its snippets go under and the name {@code --only} accepts. */
    public String id() {
        return String.format("ch%02d", number);
    }
}
