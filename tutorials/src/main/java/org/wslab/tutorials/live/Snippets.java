package org.wslab.tutorials.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a chapter run writes its transcripts, one file per listing, under a folder named for the
 * chapter ({@code ch01/handshake-live.txt}); the book includes them as {@code {snippets}/ch01/…}.
 */
public final class Snippets {
    private final Path root;
    private final List<String> skippedParts = new ArrayList<>();

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

    /**
     * Records that one part of the running chapter did not run on this machine — for example
     * {@code skipped("browser check", "chromium is not installed (apt-get install chromium)")} —
     * so the tour reports it beside the chapter's ✓ rather than counting it as passed. The run
     * still writes what the book shows in that part's place (a note saying why).
     */
    public void skipped(String part, String reason) {
        skippedParts.add(part + ": " + reason);
    }

    /** The parts recorded by {@link #skipped} since the last call, which clears them. */
    public List<String> drainSkippedParts() {
        List<String> parts = List.copyOf(skippedParts);
        skippedParts.clear();
        return parts;
    }
}
