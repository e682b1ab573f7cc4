package org.wslab.tutorials.chapters;

/**
 * One chapter of the book: its number, title and AsciiDoc file, and the run that captures its
 * transcripts.
 *
 * @param number the chapter's number (1–8)
 * @param title  its title
 * @param file   its file under {@code src/docs/asciidoc}, e.g. {@code ch01-opening-handshake.adoc}
 * @param run    its examples
 */
public record Chapter(int number, String title, String file, ChapterRun run) {
    /** {@code ch01}: the folder its snippets go under and the name {@code --only} accepts. */
    public String id() {
        return String.format("ch%02d", number);
    }
}
