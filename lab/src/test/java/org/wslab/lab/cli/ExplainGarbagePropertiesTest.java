package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.lab.json.JsonSchemas;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** {@code wslab explain} on any file: an exit code of the convention and one line, never a stack trace. */
class ExplainGarbagePropertiesTest {
    @TempDir
    Path dir;

    @Test
    void anyFileEndsInAVerdictOrOneNotATranscriptLine() {
        // DESIGN "Command line conventions" and RFC 9112 §2: any bytes, plain or named .md, end in exit 0/1
        // with a report (every rule named) or exit 2 with one "is not a handshake transcript" line
        Props.qt(60).forAll(ByteGens.bytesFrom("GET HTTP/1.1 101\r\n:abc`~\u00ef\u00bb\u00bf{", 0, 200)).checkAssert(bytes -> {
            for (String name : new String[] {"pasted.txt", "pasted.md"}) {
                Path file = write(name, bytes);
                CliRun run = CliRun.of("explain", file.toString());
                assertTrue(Set.of(ExitCode.OK, ExitCode.CHECK_FAILED, ExitCode.USAGE_OR_CONNECTION).contains(run.exitCode()), run.toString());
                assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.toString());
                if (run.exitCode() == ExitCode.USAGE_OR_CONNECTION) {
                    run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
                    assertTrue(run.err().contains(" is not a handshake transcript: "), run.err());
                } else {
                    assertTrue(run.out().contains("\nverdict: "), run.out());
                    assertEquals(run.exitCode() == ExitCode.OK ? 0 : 1, run.errLines().size(), run.toString());
                }
            }
        });
    }

    @Test
    void anyTranscriptItExplainsHasValidJson() {
        // the lab's --json conventions: whatever explain judges, its report follows explain.schema.json
        Props.qt(40).forAll(ByteGens.bytesFrom("GET / HTTP/1.0\n:Host x\u0001", 0, 120)).checkAssert(tail -> {
            byte[] head = "GET /chat HTTP/1.1\nHost: x\n".getBytes(StandardCharsets.US_ASCII);
            byte[] body = "\n\nHTTP/1.1 101 OK\nUpgrade: websocket\n".getBytes(StandardCharsets.US_ASCII);
            byte[] file = new byte[head.length + tail.length + body.length];
            System.arraycopy(head, 0, file, 0, head.length);
            System.arraycopy(tail, 0, file, head.length, tail.length);
            System.arraycopy(body, 0, file, head.length + tail.length, body.length);
            CliRun run = CliRun.of("explain", "--json", write("t.txt", file).toString());
            if (run.exitCode() != ExitCode.USAGE_OR_CONNECTION) {
                JsonSchemas.assertValid("explain", run.out());
            }
        });
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
