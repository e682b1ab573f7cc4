package org.wslab.tutorials.render;

/**
 * One message Asciidoctor logged while rendering the book: a missing include or tag, an
 * unresolved attribute, a diagram that failed. The book is held to zero of them.
 *
 * @param severity Asciidoctor's severity name ({@code WARN}, {@code ERROR}, …)
 * @param where    the source file and line when Asciidoctor knew them, else {@code null}
 * @param text     the message
 */
public record BookMessage(String severity, String where, String text) {
    /** One line: {@code WARN index.adoc:12: include file not found: …}. */
    @Override
    public String toString() {
        return severity + (where == null ? "" : " " + where) + ": " + text;
    }
}
