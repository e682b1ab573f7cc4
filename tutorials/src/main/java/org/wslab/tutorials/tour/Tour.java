package org.wslab.tutorials.tour;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.wslab.tutorials.chapters.Chapter;
import org.wslab.tutorials.live.ChapterSkipped;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;
import org.wslab.tutorials.render.BookRenderer;
import org.wslab.tutorials.render.RenderedBook;

/**
 * The tour: starts the lab on free ports, runs each written chapter's examples against it
 * (RFC 6455 and RFC 7692 traffic on real sockets), writes their transcripts, closes the lab and
 * renders the book. Chapters whose examples failed or did not run are rendered as a short note,
 * never with stale or missing transcripts.
 *
 * @param book     the tutorials module's directory
 * @param out      where {@code index.html} goes; transcripts go to {@code out/snippets}
 * @param selected which written chapters to run
 * @param progress where progress lines go (stderr)
 */
public record Tour(Path book, Path out, Predicate<Chapter> selected, PrintStream progress) {

    /**
     * What a tour did.
     *
     * @param chapters one outcome per chapter, in order
     * @param book     the rendered book
     */
    public record Result(List<ChapterOutcome> chapters, RenderedBook book) {
        /** True when no chapter failed and the book rendered without a warning. */
        public boolean passed() {
            return book.clean() && chapters.stream().noneMatch(c -> c.status() == ChapterOutcome.Status.FAILED);
        }
    }

    /** Runs the chapters, then renders the book. */
    public Result run(List<Chapter> chapters) throws Exception {
        Snippets snippets = new Snippets(out.resolve("snippets"));
        List<ChapterOutcome> outcomes = new ArrayList<>();
        Set<String> ran = new java.util.HashSet<>();
        Map<String, String> why = new HashMap<>();
        progress.println("tour: starting the lab (Jetty 12 and our engine on free ports)");
        try (TourLab lab = TourLab.start()) {
            progress.println("tour: lab up at " + lab.jetty().baseUri() + " (jetty) and " + lab.wslab().baseUri()
                    + " (wslab engine)");
            for (Chapter c : chapters) {
                ChapterOutcome o = runOne(c, lab, snippets);
                if (o.status() == ChapterOutcome.Status.PASSED) {
                    ran.add(c.id());
                } else {
                    why.put(c.id(), notRunReason(o));
                }
                outcomes.add(o);
            }
        }
        progress.println("tour: rendering the book (AsciidoctorJ; its start takes a while)");
        try (BookRenderer renderer = new BookRenderer()) {
            RenderedBook rendered = renderer.render(book, snippets.root(), out, ran, why);
            rendered.messages().forEach(m -> progress.println("tour: asciidoctor: " + m));
            return new Result(outcomes, rendered);
        }
    }

    private ChapterOutcome runOne(Chapter c, TourLab lab, Snippets snippets) {
        if (!selected.test(c)) {
            return new ChapterOutcome(c, ChapterOutcome.Status.NOT_SELECTED, 0, null);
        }
        progress.println("tour: " + c.id() + " " + c.title() + ": running its examples…");
        long start = System.nanoTime();
        snippets.drainSkippedParts();
        try {
            c.run().run(lab, snippets);
            List<String> parts = snippets.drainSkippedParts();
            parts.forEach(p -> progress.println("tour: " + c.id() + ": skipped here — " + p));
            return new ChapterOutcome(c, ChapterOutcome.Status.PASSED, seconds(start), null, parts);
        } catch (ChapterSkipped e) {
            progress.println("tour: " + c.id() + " " + c.title() + ": skipped — " + e.getMessage());
            return new ChapterOutcome(c, ChapterOutcome.Status.SKIPPED, seconds(start), e.getMessage());
        } catch (Exception | AssertionError e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ChapterOutcome(c, ChapterOutcome.Status.FAILED, seconds(start),
                    m.lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    /** The sentence the book's stand-in shows for a chapter that did not run. */
    private static String notRunReason(ChapterOutcome o) {
        return switch (o.status()) {
            case SKIPPED -> "it was skipped on this machine, because " + o.detail();
            case FAILED -> "an example failed: " + o.detail();
            case NOT_SELECTED -> "it was left out with `--only`";
            case PASSED -> "";
        };
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
