package org.wslab.tutorials.live;

/**
 * A chapter's example did not do what its text says (a wrong exit code, a missing line): the
 * chapter fails, and with it the tour and the build. The message is one line for the reader.
 */
public final class ChapterFailure extends RuntimeException {
    /** A failure described by {@code message}. */
    public ChapterFailure(String message) {
        super(message);
    }
}
