package org.wslab.tutorials.browser;

/**
 * One line of the chat page's list: a STOMP MESSAGE's {@code author} header and its body.
 *
 * @param author the author header the page showed
 * @param text   the body the page showed
 */
public record ChatLine(String author, String text) {
    @Override
    public String toString() {
        return author + ": " + text;
    }
}
