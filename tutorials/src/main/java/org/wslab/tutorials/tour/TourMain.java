package org.wslab.tutorials.tour;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.wslab.tutorials.chapters.Chapter;
import org.wslab.tutorials.chapters.Chapters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wslab tour}: runs every written chapter's examples against a lab started on free ports
 * (real RFC 6455 handshakes and frames), then renders the book to {@code index.html}. Prints one
 * line per chapter (✓, ✗ or skipped, with seconds) and the book's path on stdout, progress on
 * stderr. Exit 0 when every chapter run passed and the book rendered without a warning, 1 when
 * not, 2 for a usage error (one line).
 */
@Command(name = "wslab tour", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Starts the lab (Jetty 12 and our own engine) on free ports, runs every written chapter's "
                + "examples against it, captures their output as the book's transcripts, and renders the book "
                + "to index.html (one file, nothing fetched from the network when opened)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every chapter that ran passed and the book rendered without a warning",
                "1:a chapter's example failed, or Asciidoctor warned (the output says which)",
                "2:usage error"})
public final class TourMain implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--only", paramLabel = "CHAPTER", description = "run only this chapter's examples "
            + "(1…8 or ch01…ch08); repeatable. The others are rendered as a note saying they did not run.")
    List<String> only = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "where the book goes (default: ${DEFAULT-VALUE})")
    Path out = home().resolve("target").resolve("tour");

    @Option(names = "--book", paramLabel = "DIR", description = "the tutorials module holding src/docs/asciidoc "
            + "(default: ${DEFAULT-VALUE})")
    Path book = home();

    private final PrintStream stdout;
    private final PrintStream stderr;

    TourMain(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs the command; returns its exit code. */
    static int run(PrintStream stdout, PrintStream stderr, String... args) {
        CommandLine cli = new CommandLine(new TourMain(stdout, stderr));
        cli.setOut(new PrintWriter(stdout, true));
        cli.setErr(new PrintWriter(stderr, true));
        cli.setParameterExceptionHandler((e, a) -> {
            stderr.println("wslab: " + e.getMessage() + " (see wslab tour --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            stderr.println("wslab: " + oneLine(e));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        List<Chapter> picked = new ArrayList<>();
        for (String name : only) {
            Chapter c = Chapters.find(name).orElse(null);
            if (c == null) {
                return usage("no chapter " + name + " (chapters are 1…8, or ch01…ch08)");
            }
            picked.add(c);
        }
        if (!Files.isRegularFile(book.resolve("src/docs/asciidoc/index.adoc"))) {
            return usage("no book at " + book.toAbsolutePath().normalize().resolve("src/docs/asciidoc/index.adoc")
                    + " (set WSLAB_ROOT to the project's root, or pass --book DIR)");
        }
        Predicate<Chapter> selected = selection(picked);
        Tour.Result result = new Tour(book, out, selected, stderr).run(Chapters.all());
        result.chapters().forEach(c -> stdout.println(c.line()));
        stdout.printf("book rendered in %.1f s%s%n", result.book().millis() / 1000.0,
                result.book().clean() ? "" : " with " + result.book().messages().size() + " Asciidoctor warning(s)");
        stdout.println(result.book().html());
        return result.passed() ? 0 : 1;
    }

    /**
     * Which chapters to run: all when {@code picked} is empty, else those with a picked id (by id:
     * each {@link Chapters#all()} call makes new run objects, so records of two calls are not equal).
     */
    static Predicate<Chapter> selection(List<Chapter> picked) {
        Set<String> ids = new HashSet<>();
        picked.forEach(c -> ids.add(c.id()));
        return ids.isEmpty() ? c -> true : c -> ids.contains(c.id());
    }

    private int usage(String line) {
        stderr.println("wslab: " + line);
        return 2;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }

    private static Path home() {
        String root = System.getenv("WSLAB_ROOT");
        if (root != null && !root.isBlank()) {
            return Path.of(root, "tutorials");
        }
        return Files.isDirectory(Path.of("tutorials", "src", "docs")) ? Path.of("tutorials") : Path.of(".");
    }
}
