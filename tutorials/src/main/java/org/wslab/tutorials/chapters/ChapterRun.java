package org.wslab.tutorials.chapters;

import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * A chapter's examples, run for real: given a running {@link TourLab} (it starts no server of
 * its own), it runs the chapter's handshakes, echoes and frame dumps and writes what they printed
 * as snippet files the chapter includes. It throws when an example does not behave as the text
 * says (an {@link org.wslab.tutorials.live.ChapterFailure}, or any error), which fails the chapter.
 */
@FunctionalInterface
public interface ChapterRun {
    /** Runs the examples against {@code lab}, writing their transcripts to {@code snippets}. */
    void run(TourLab lab, Snippets snippets) throws Exception;
}
