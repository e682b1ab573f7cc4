package org.wslab.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's usage errors are one line with exit 2; --list runs nothing. */
class BenchMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BenchMain.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertOneErrorLine(String containing) {
        String e = err();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("wslab: ") && e.contains(containing), e);
        assertTrue(!e.contains("Exception") && !e.contains("\tat "), e);
    }

    @Test
    void listsWithoutRunning() {
        assertEquals(0, run("--list", "--include", "AcceptKeyBench"));
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.contains("org.wslab.benchmarks.handshake.AcceptKeyBench.wslab"), listed);
        assertTrue(listed.contains("org.wslab.benchmarks.handshake.AcceptKeyBench.jdk"), listed);
    }

    @Test
    void aBadRegexIsOneLine() {
        assertEquals(2, run("--include", "(unclosed"));
        assertOneErrorLine("not a regular expression: (unclosed");
    }

    @Test
    void noMatchIsOneLine() {
        assertEquals(2, run("--include", "NoSuchBench"));
        assertOneErrorLine("no benchmark matches --include NoSuchBench");
    }

    @Test
    void anUnknownOptionIsOneLine() {
        assertEquals(2, run("--fast"));
        assertOneErrorLine("--fast");
    }

    @Test
    void fromAMissingOrForeignFileIsOneLine(@TempDir Path dir) throws Exception {
        assertEquals(2, run("--from", dir.resolve("nope.json").toString()));
        assertOneErrorLine("no such results file");
        err.reset();
        Path notJson = Files.writeString(dir.resolve("results.json"), "<html>not JMH</html>");
        assertEquals(2, run("--from", notJson.toString(), "--out", dir.resolve("r").toString()));
        assertOneErrorLine("is not JMH's JSON output");
    }
}
