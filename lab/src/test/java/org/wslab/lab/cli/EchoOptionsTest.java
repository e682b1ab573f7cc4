package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wslab.lab.json.JsonSchemas;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.TestServer;

/**
 * {@code echo}'s inputs: a number out of range is named as out of range, a text UTF-8 cannot encode
 * (an unpaired surrogate, RFC 3629 §3) or a file that is not UTF-8 sent {@code --as-text} is one
 * line and exit 2, never replaced; {@code --from} sends a file's or standard input's bytes.
 */
class EchoOptionsTest {
    @RegisterExtension
    final TestServer server = new TestServer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--count|0|--count: 0 is out of range",
        "--count|-3|--count: -3 is out of range",
        "--binary-size|-1|--binary-size: '-1' is out of range",
        "--fragment-size|0|--fragment-size: '0' is out of range",
        "--ping|0|--ping: 0 is out of range",
        "--ping|99999999999|--ping: '99999999999' is out of range",
        "--timeout|0s|--timeout",
    })
    void aNumberOutOfRangeIsNamedSo(String option, String value, String line) {
        CliRun run = CliRun.of("echo", option, value, "ws://127.0.0.1:1/websocket/echo");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().startsWith("wslab: " + line), run.err());
    }

    @Test
    void anUnpairedSurrogateInTheTextIsOneLineNeverReplaced() {
        CliRun run = CliRun.of("echo", "--text", "ab\uD800c", "ws://127.0.0.1:1/websocket/echo");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("--text: character 2 is an unpaired surrogate U+D800"), run.err());
        assertTrue(run.err().contains("RFC 3629 §3"), run.err());
        CliRun low = CliRun.of("echo", "--json", "--text", "\uDC00", "ws://127.0.0.1:1/websocket/echo");
        assertEquals(2, low.exitCode());
        JsonSchemas.assertValid("failure", low.out());
    }

    @Test
    void aPairedSurrogateIsAnEmojiAndEchoesAsFourBytes() throws Exception {
        server.start(Engine.WSLAB);
        CliRun run = CliRun.of("echo", "--text", "\uD83D\uDE00", server.echoUri().toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("sent 1 text message of 4 bytes; received 1"), run.out());
    }

    @Test
    void fromAFileSendsItsBytesAsBinaryOrAsTextWhenValid(@TempDir Path dir) throws Exception {
        server.start(Engine.JETTY);
        Path file = dir.resolve("m.bin");
        Files.write(file, new byte[] {'h', 'i', (byte) 0xFF, 0});
        CliRun binary = CliRun.of("echo", "--from", file.toString(), server.echoUri().toString());
        assertEquals(0, binary.exitCode(), binary.toString());
        assertTrue(binary.out().contains("sent 1 binary message of 4 bytes; received 1; mismatches 0"), binary.out());

        CliRun text = CliRun.of("echo", "--from", file.toString(), "--as-text", server.echoUri().toString());
        text.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(text.err().contains("is not valid UTF-8 at byte 2 (0xff; RFC 3629 §3)"), text.err());

        Files.writeString(file, "grüße");
        CliRun utf8 = CliRun.of("echo", "--from", file.toString(), "--as-text", server.echoUri().toString());
        assertEquals(0, utf8.exitCode(), utf8.toString());
        assertTrue(utf8.out().contains("sent 1 text message of 7 bytes"), utf8.out());

        CliRun missing = CliRun.of("echo", "--from", dir.resolve("none").toString(), server.echoUri().toString());
        missing.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(missing.err().contains("--from: no such file"), missing.err());
        CliRun asTextAlone = CliRun.of("echo", "--as-text", server.echoUri().toString());
        asTextAlone.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
    }

    @Test
    void fromStandardInput() throws Exception {
        server.start(Engine.WSLAB);
        InputStream before = System.in;
        try {
            System.setIn(new ByteArrayInputStream("piped".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("echo", "--from", "-", "--as-text", server.echoUri().toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("sent 1 text message of 5 bytes; received 1; mismatches 0"), run.out());
        } finally {
            System.setIn(before);
        }
    }
}
