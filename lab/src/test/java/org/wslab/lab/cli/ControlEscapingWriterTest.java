package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.Props;

/** ECMA-48 control functions never reach the terminal raw: they are written as {@code \xNN}. */
class ControlEscapingWriterTest {
    private static String through(String text) {
        StringWriter sink = new StringWriter();
        try (ControlEscapingWriter w = new ControlEscapingWriter(sink)) {
            w.write(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return sink.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    // ECMA-48 §5: no C0 or C1 control is left but tab, line feed, and a CR before a line feed; text
    // without controls is unchanged, and removing the escapes of a text with none gives it back
    @Test
    void onlyLineEndsAndTabsPassAndEverythingElseIsKept() {
        Props.qt(2000).forAll(strings().betweenCodePoints(0, 0xFF).ofLengthBetween(0, 60)).checkAssert(text -> {
            String out = through(text);
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                assertTrue(!isControl(c) || c == '\n' || c == '\t' || c == '\r' && i + 1 < out.length()
                        && out.charAt(i + 1) == '\n', "raw control at " + i + " of " + out);
            }
            if (text.chars().noneMatch(c -> isControl((char) c)) && !text.contains("\\x")) {
                assertEquals(text, out);
            }
        });
    }

    @Test
    void anEscapeSequenceIsShownNotObeyed() {
        assertEquals("\\x1b[2Jcleared? no\n", through("\u001b[2Jcleared? no\n"));
        assertEquals("a\\x0db\r\n", through("a\rb\r\n"));
        assertEquals("\\x9b\\x7f", through("\u009b\u007f"));
    }

    @Test
    void theCommandLineEscapesWhatItPrints() {
        CliRun run = CliRun.of("echo", "--ca", "/nonexistent/\u001b[2J.pem", "wss://127.0.0.1:1/");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("\\x1b[2J"), run.err());
        assertFalse(run.err().contains("\u001b"), run.err());
    }
}
