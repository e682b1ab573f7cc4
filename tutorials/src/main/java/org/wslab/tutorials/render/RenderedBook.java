package org.wslab.tutorials.render;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of rendering the book: the HTML file written and every warning or error
 * Asciidoctor logged on the way (none, for a good book).
 *
 * @param html     the rendered {@code index.html}
 * @param messages warnings and errors, in the order logged
 * @param millis   how long the conversion took (JRuby start-up excluded)
 */
public record RenderedBook(Path html, List<BookMessage> messages, long millis) {
    public RenderedBook {
        messages = List.copyOf(messages);
    }

    /** True when Asciidoctor logged nothing at warning level or above. */
    public boolean clean() {
        return messages.isEmpty();
    }
}
