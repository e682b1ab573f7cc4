package org.wslab.tutorials.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.AttributesBuilder;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

/**
 * Renders the book — {@code src/docs/asciidoc/index.adoc} of the tutorials module — to one
 * self-contained HTML file with AsciidoctorJ: stylesheet and diagrams embedded, nothing fetched
 * at view time. The chapters' listings come from {@code src/main/java} by tag
 * ({@code {sourcedir}}), their transcripts from the snippet files the chapter runs wrote
 * ({@code {snippets}}). Unresolved attributes are logged as warnings, so a render is judged by
 * {@link RenderedBook#clean()}.
 *
 * <p>Starting JRuby takes seconds: make one renderer and render with it as often as needed;
 * {@link #close()} frees it. Sequence diagrams come from PlantUML through asciidoctor-diagram,
 * in-process (sequence diagrams need no Graphviz).
 */
public final class BookRenderer implements AutoCloseable {
    private final Asciidoctor asciidoctor;
    private final BookLog log = new BookLog();

    /** Starts Asciidoctor (JRuby) with asciidoctor-diagram loaded. */
    public BookRenderer() {
        asciidoctor = Asciidoctor.Factory.create();
        asciidoctor.requireLibrary("asciidoctor-diagram");
        asciidoctor.registerLogHandler(log);
    }

    /**
     * Renders {@code book}'s {@code index.adoc} into {@code out/index.html}.
     *
     * @param book     the tutorials module's directory (holding {@code src/docs/asciidoc} and {@code src/main/java})
     * @param snippets where the chapter runs wrote their transcripts
     * @param out      the output directory (created when missing)
     * @param ran      the ids of the chapters whose examples ran and passed ({@code ch01}): each is set
     *                 as the attribute {@code ch01-ran}, and the book includes a written chapter only
     *                 when its transcripts are fresh
     * @param why      for each chapter that did not run, why (set as {@code ch05-why}, which its
     *                 stand-in in {@code not-run.adoc} shows)
     */
    public RenderedBook render(Path book, Path snippets, Path out, Set<String> ran, Map<String, String> why)
            throws IOException {
        Path docs = book.resolve("src/docs/asciidoc").toAbsolutePath().normalize();
        Path index = docs.resolve("index.adoc");
        if (!Files.isRegularFile(index)) {
            throw new IOException("no book at " + index);
        }
        Path outDir = out.toAbsolutePath().normalize();
        Files.createDirectories(outDir);
        Path diagrams = outDir.resolve("diagrams");
        AttributesBuilder builder = Attributes.builder();
        ran.forEach(id -> builder.attribute(id + "-ran", ""));
        why.forEach((id, reason) -> builder.attribute(id + "-why", reason));
        Attributes attributes = builder
                .attribute("sourcedir", book.resolve("src/main/java").toAbsolutePath().normalize().toString())
                .attribute("snippets", snippets.toAbsolutePath().normalize().toString())
                .attribute("imagesoutdir", diagrams.toString())
                .attribute("imagesdir", diagrams.toString())
                .attribute("attribute-missing", "warn")
                .build();
        Options options = Options.builder()
                .safe(SafeMode.UNSAFE)
                .baseDir(docs.toFile())
                .toDir(outDir.toFile())
                .mkDirs(true)
                .standalone(true)
                .backend("html5")
                .attributes(attributes)
                .build();
        log.drain();
        long start = System.nanoTime();
        asciidoctor.convertFile(index.toFile(), options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new RenderedBook(outDir.resolve("index.html"), log.drain(), millis);
    }

    @Override
    public void close() {
        asciidoctor.unregisterLogHandler(log);
        asciidoctor.shutdown();
    }
}
