package org.wslab.tutorials.browser;

/**
 * No headless browser could be used on this machine: none is installed, or the one found did not
 * start (a container without the kernel features Chromium needs, for example). The message is the
 * one-line reason the book prints in the browser check's place.
 */
public final class BrowserUnavailable extends Exception {
    public BrowserUnavailable(String reason) {
        super(reason);
    }
}
