package org.wslab.tutorials.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.tutorials.chapters.Chapter;
import org.wslab.tutorials.chapters.Chapters;

/**
 * The whole tour once (real lab servers on port 0, JRuby started once for the class): every
 * written chapter passes, the book renders with no Asciidoctor warning, every {@code include::}
 * resolves to a file and tag, and the HTML fetches nothing from the network.
 */
class BookTourTest {
    private static final Path BOOK = Path.of("");
    private static final Path OUT = Path.of("target", "test-tour");
    private static int code;
    private static String out;
    private static String err;
    private static String html;

    @BeforeAll
    static void runTheTour() throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        code = TourMain.run(new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8),
                "--book", BOOK.toAbsolutePath().toString(), "--out", OUT.toString());
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        html = Files.readString(OUT.resolve("index.html"));
    }

    @Test
    void everyChapterPassesOrSaysWhyItWasSkipped() {
        assertEquals(0, code, out + err);
        for (Chapter c : Chapters.all()) {
            String name = c.id() + " " + c.title();
            boolean passed = out.lines().anyMatch(l -> l.startsWith("✓ " + name + " ("));
            boolean skipped = out.lines().anyMatch(l -> l.startsWith("- " + name + ": skipped (") && l.endsWith(")"));
            assertTrue(passed || skipped, name + " neither passed nor was skipped with a reason:\n" + out);
            if (skipped) {
                assertTrue(html.contains("did not run in this tour: it was skipped on this machine, because"),
                        name + "'s stand-in says why it was skipped");
            }
        }
        assertTrue(out.lines().anyMatch(l -> l.startsWith("✓ ch01 The opening handshake")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("✓ ch04 Frames")), out);
        assertTrue(out.strip().endsWith("index.html"), out);
    }

    @Test
    void theBookRendersWithoutAnyAsciidoctorWarning() {
        assertTrue(out.contains("book rendered in") && !out.contains("warning"), out);
        assertTrue(!err.contains("asciidoctor:"), err);
    }

    @Test
    void theRenderedChaptersHoldTheLiveTranscripts() {
        assertTrue(html.contains("HTTP/1.1 101 Switching Protocols"), "the live 101");
        assertTrue(html.contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="), "the RFC 6455 §1.3 accept");
        assertTrue(html.contains("does not match key I88buTTIKcJE1QKxHAMpnA=="), "the notes' mismatched accept");
        assertTrue(html.contains("403 Forbidden") && html.contains("426 Upgrade Required"), "the refusals");
        assertTrue(html.contains("7f 9f 4d 51 58"), "the RFC 6455 §5.7 masked Hello");
        assertTrue(html.contains("data:image/svg+xml;base64,"), "the sequence diagram, embedded as SVG");
        assertTrue(html.contains("class=\"toc2") || html.contains("id=\"toc\""), "a table of contents");
        assertTrue(html.contains("class=\"conum\""), "callouts");
        assertTrue(html.contains("class=\"rouge highlight\"") || html.contains("rouge"), "syntax highlighting");
    }

    @Test
    void theBookFetchesNothingFromTheNetwork() {
        // CSS comments fetch nothing (Asciidoctor's stylesheet keeps its font @import commented out with :webfonts!:)
        String live = html.replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> remote = new ArrayList<>();
        Matcher m = Pattern.compile("(?:src|href)\\s*=\\s*[\"']((?:https?:)?//[^\"']*)").matcher(live);
        while (m.find()) {
            remote.add(m.group(1));
        }
        Matcher css = Pattern.compile("@import[^;]*|url\\(\\s*[\"']?(?:https?:)?//[^)]*\\)").matcher(live);
        while (css.find()) {
            remote.add(css.group());
        }
        assertEquals(List.of(), remote);
        assertTrue(!live.contains("fonts.googleapis") && !live.contains("MathJax") && !live.contains("highlight.js"));
    }

    @Test
    void everyIncludeResolvesToAFileAndItsTags() throws IOException {
        Path docs = BOOK.resolve("src/docs/asciidoc");
        Pattern include = Pattern.compile("^include::([^\\[]+)\\[(.*)]$");
        int checked = 0;
        try (Stream<Path> files = Files.list(docs)) {
            for (Path adoc : files.filter(p -> p.toString().endsWith(".adoc")).toList()) {
                for (String line : Files.readAllLines(adoc)) {
                    Matcher m = include.matcher(line.strip());
                    if (!m.matches()) {
                        continue;
                    }
                    String target = m.group(1)
                            .replace("{sourcedir}", BOOK.resolve("src/main/java").toAbsolutePath().toString())
                            .replace("{snippets}", OUT.resolve("snippets").toAbsolutePath().toString());
                    Path file = target.startsWith("/") ? Path.of(target) : docs.resolve(target);
                    assertTrue(Files.isRegularFile(file), adoc.getFileName() + ": " + line);
                    Matcher tag = Pattern.compile("tag=([\\w-]+)").matcher(m.group(2));
                    if (tag.find()) {
                        String text = Files.readString(file);
                        assertTrue(text.contains("tag::" + tag.group(1) + "[]") && text.contains("end::" + tag.group(1) + "[]"),
                                adoc.getFileName() + ": no tag " + tag.group(1) + " in " + file.getFileName());
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 30, "only " + checked + " includes found");
    }
}
