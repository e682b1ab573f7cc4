package org.wslab.lab.common;

/**
 * Text put into an HTML page (HTML Living Standard, "Serializing HTML fragments"): {@code &},
 * {@code <}, {@code >} and {@code "} escaped, so a value from the wire or a report can be shown
 * in element content or a quoted attribute without becoming markup.
 */
public final class HtmlText {
    private HtmlText() {
    }

    /** {@code s} escaped for element content and double-quoted attribute values. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
