package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain -} reads the transcript from standard input and explains it as it would the file. */
class ExplainStdinTest {
    @TempDir
    Path dir;

    private static CliRun withStdin(byte[] input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void standardInputIsExplainedLikeTheFile() throws Exception {
        byte[] notes;
        try (InputStream in = getClass().getResourceAsStream("/transcripts/notes-stomp-handshake.txt")) {
            notes = in.readAllBytes();
        }
        Path file = Files.write(dir.resolve("notes.txt"), notes);
        CliRun fromFile = CliRun.of("explain", file.toString());
        CliRun fromStdin = withStdin(notes, "explain", "-");
        assertEquals(fromFile.exitCode(), fromStdin.exitCode(), fromStdin.toString());
        assertEquals(fromFile.out(), fromStdin.out());
    }

    @Test
    void standardInputThatIsNoTranscriptIsOneLine() {
        CliRun run = withStdin("hello\n".getBytes(StandardCharsets.US_ASCII), "explain", "-");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("standard input is not a handshake transcript: its first line (line 1, \"hello\") is no HTTP request line"), run.err());
    }
}
