package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wslab explain NOTES.md}: a Markdown file whose first two fenced code blocks are the
 * recorded request and response explains exactly as the plain transcript cut from it does. The
 * fixture is notes-shaped Markdown in our own words around the notes' two recorded blocks; when the
 * project's {@code shared/} folder sits beside the checkout, the source notes themselves are
 * explained too.
 */
class ExplainMarkdownTest {
    @TempDir
    static Path dir;

    private static Path notesMd;
    private static Path notesTxt;
    private static String notesMarkdown;

    @BeforeAll
    static void copyResources() throws Exception {
        notesMarkdown = resource("/transcripts/notes-shaped.md");
        notesMd = Files.writeString(dir.resolve("notes-shaped.md"), notesMarkdown);
        notesTxt = Files.writeString(dir.resolve("notes.txt"), resource("/transcripts/notes-stomp-handshake.txt"));
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ExplainMarkdownTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theNotesAsMarkdownExplainLikeTheirTranscript() {
        CliRun md = CliRun.of("explain", notesMd.toString());
        CliRun txt = CliRun.of("explain", notesTxt.toString());
        assertEquals(ExitCode.CHECK_FAILED, md.exitCode(), md.toString());
        assertEquals(JudgedOutput.of(txt.out()), JudgedOutput.of(md.out()));
        assertTrue(md.out().startsWith("how the file was read\n  info  MARKDOWN_BLOCKS"), md.out());
        assertTrue(md.out().contains("FAIL  ACCEPT_MATCHES_KEY"), md.out());
        assertEquals(1, md.errLines().size(), md.toString());
    }

    // the source notes as they are, read in place (never copied into the project)
    @Test
    void theSourceNotesThemselvesExplainLikeTheirTranscript() {
        Path notes = Path.of("..", "..", "shared", "source", "websocket-stomp-notes.zh.md").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isRegularFile(notes),
                "skipped: the source notes are not beside this checkout (" + notes + ")");
        CliRun md = CliRun.of("explain", notes.toString());
        CliRun txt = CliRun.of("explain", notesTxt.toString());
        assertEquals(ExitCode.CHECK_FAILED, md.exitCode(), md.toString());
        assertEquals(JudgedOutput.of(txt.out()), JudgedOutput.of(md.out()));
        assertTrue(md.out().startsWith("how the file was read\n  info  MARKDOWN_BLOCKS"), md.out());
    }

    @Test
    void crlfMarkdownAndMarkdownUnderAnotherNameExplainTheSame() throws Exception {
        CliRun lf = CliRun.of("explain", notesMd.toString());
        Path crlf = Files.writeString(dir.resolve("notes-crlf.md"), notesMarkdown.replace("\n", "\r\n"));
        Path renamed = Files.writeString(dir.resolve("notes-as.txt"), notesMarkdown); // not a transcript: tried as Markdown
        for (Path p : List.of(crlf, renamed)) {
            CliRun run = CliRun.of("explain", p.toString());
            assertEquals(lf.exitCode(), run.exitCode(), run.toString());
            assertEquals(JudgedOutput.of(lf.out()), JudgedOutput.of(run.out()));
        }
    }

    // CommonMark fences: ``` or ~~~, up to three spaces of indent (removed from the content), an info
    // string, a closing fence at least as long; an unclosed fence is no block
    @Test
    void fencedBlocksFollowCommonMark() {
        String md = "intro\n  ~~~~ http\n  GET / HTTP/1.1\n  Host: x\n  ~~~~~\ntext\n```\nHTTP/1.1 101 OK\n````\n"
                + "```\nunclosed\n";
        assertEquals(List.of(new MarkdownBlocks.Block(3, 4, "GET / HTTP/1.1\nHost: x\n"), new MarkdownBlocks.Block(8, 8, "HTTP/1.1 101 OK\n")),
                MarkdownBlocks.of(md.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), MarkdownBlocks.of("```\nnever closed\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(), MarkdownBlocks.of("    ```\nindented code\n    ```\n".getBytes(StandardCharsets.UTF_8)));
    }

    // blocks none of which starts with a request line hold no transcript: exit 2, one line saying so
    @Test
    void blocksThatAreNotHttpAreNotATranscript() throws Exception {
        Path code = Files.writeString(dir.resolve("code.md"), "```java\nclass A {}\n```\n```\nx\n```\n");
        CliRun run = CliRun.of("explain", code.toString());
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("is not a handshake transcript: none of its 2 fenced code blocks starts with an HTTP request line"
                + " (the first starts \"class A {}\")"), run.err());
    }

    @Test
    void markdownWithoutTwoBlocksIsExitTwoInOneLine() throws Exception {
        Path one = Files.writeString(dir.resolve("one.md"), "# notes\n```\nGET / HTTP/1.1\nHost: x\n```\n");
        Path none = Files.writeString(dir.resolve("none.md"), "# only prose\n");
        for (Path p : List.of(one, none)) {
            CliRun run = CliRun.of("explain", p.toString());
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().startsWith("wslab: " + p), run.err());
            assertTrue(run.out().isEmpty(), run.toString());
        }
    }
}
