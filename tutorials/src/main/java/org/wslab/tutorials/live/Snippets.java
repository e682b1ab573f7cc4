package org.wslab.tutorials.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a chapter run writes its transcripts, one file per listing, under a folder named for the
 * chapter ({@code ch01/handshake-live.txt}); the book includes them as {@code {snippets}/ch01/…}.
 */
public final class Snippets {
    private final Path root;

    /** Snippets under {@code root} (created on first write). */
    public Snippets(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The folder all snippets go under. */
    public Path root() {
        return root;
    }

    /** Writes {@code text} (UTF-8) to {@code name}, relative to the root; returns the file. */
    public Path write(String name, String text) throws IOException {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("a snippet name stays under the snippets folder: " + name);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
