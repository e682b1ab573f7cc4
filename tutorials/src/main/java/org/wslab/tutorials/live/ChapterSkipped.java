package org.wslab.tutorials.live;

/**
 * A chapter (or one part of it) cannot run on this machine because something outside the project
 * is missing — nginx or Chromium not installed. Thrown by a {@link org.wslab.tutorials.chapters.ChapterRun},
 * it marks the chapter skipped, never passed and never failed; the message says what is missing
 * and how to install it, in one line ({@code nginx is not installed (apt-get install nginx)}).
 */
public final class ChapterSkipped extends RuntimeException {
    /** A skip explained by {@code reason}. */
    public ChapterSkipped(String reason) {
        super(reason);
    }
}
