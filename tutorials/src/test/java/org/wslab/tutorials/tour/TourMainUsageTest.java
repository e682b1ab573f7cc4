package org.wslab.tutorials.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.wslab.tutorials.chapters.Chapter;
import org.wslab.tutorials.chapters.Chapters;

/** {@code wslab tour}'s command line: usage errors are one line and exit 2, before any server starts. */
class TourMainUsageTest {

    @Test
    void anUnknownOptionIsOneLineAndExit2() {
        Run r = run("--bogus");
        assertEquals(2, r.code);
        assertEquals(1, r.errLines().size(), r.err);
        assertTrue(r.err.startsWith("wslab: Unknown option: '--bogus'"), r.err);
        assertEquals("", r.out);
    }

    @Test
    void anUnknownChapterIsOneLineAndExit2() {
        Run r = run("--only", "9");
        assertEquals(2, r.code);
        assertEquals(List.of("wslab: no chapter 9 (chapters are 1…8, or ch01…ch08)"), r.errLines());
    }

    @Test
    void aMissingBookIsOneLineAndExit2() {
        Run r = run("--book", "no-such-dir");
        assertEquals(2, r.code);
        assertEquals(1, r.errLines().size(), r.err);
        assertTrue(r.err.startsWith("wslab: no book at "), r.err);
    }

    @Test
    void helpNamesTheOptionsAndExitsZero() {
        Run r = run("--help");
        assertEquals(0, r.code);
        assertTrue(r.out.contains("--only") && r.out.contains("--out") && r.out.contains("Exit codes"), r.out);
    }

    @Test
    void onlySelectsTheNamedChapterAmongAFreshListOfChapters() {
        Predicate<Chapter> only4 =
                TourMain.selection(List.of(Chapters.find("4").orElseThrow()));
        List<String> chosen = Chapters.all().stream().filter(only4)
                .map(Chapter::id).toList();
        assertEquals(List.of("ch04"), chosen);
        assertEquals(8, Chapters.all().stream()
                .filter(TourMain.selection(List.of())).count());
    }

    private record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TourMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
