package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.lab.json.JsonSchemas;

/**
 * {@code wslab explain} on what people paste (literal inputs): each fault named on the side it
 * judges (RFC 6455 §4.2.1 request, §4.1 response), messy line ends and DevTools copies read and
 * named, anything that is no transcript one line with exit 2; every {@code --json} report valid.
 */
class ExplainMessyInputTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    private static final String FIELDS = "Host: x\nUpgrade: websocket\nConnection: Upgrade\nSec-WebSocket-Version: 13\n";
    private static final String RESPONSE = "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\nConnection: Upgrade\n"
            + "Sec-WebSocket-Accept: " + ACCEPT + "\n";
    private static final String CHROME = "Request URL: ws://x/chat\nRequest Method: GET\nStatus Code: 101 Switching Protocols\n\n"
            + "Response Headers\nupgrade: websocket\nconnection: Upgrade\nsec-websocket-accept: " + ACCEPT + "\n\n"
            + "Request Headers\nhost: x\nupgrade: websocket\nconnection: Upgrade\nsec-websocket-key: " + KEY
            + "\nsec-websocket-version: 13\n";

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path file(String name, String text) throws Exception {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The rule names of the lines under a group title of the text report, in order. */
    private static List<String> group(CliRun run, String title) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String line : run.outLines()) {
            if (line.startsWith(title)) {
                in = true;
            } else if (in && line.startsWith("  ")) {
                out.add(line.substring(2, 6) + " " + line.substring(8, line.indexOf(' ', 8)));
            } else if (in) {
                break;
            }
        }
        return out;
    }

    private static JsonNode json(Path p, int exit) {
        CliRun run = CliRun.of("explain", "--json", p.toString());
        assertEquals(exit, run.exitCode(), run.toString());
        JsonNode root = JsonSchemas.assertValid("explain", run.out());
        assertEquals(exit == 0, root.path("verdict").path("passed").asBoolean());
        return root;
    }

    @Test
    void anHttp10PostNamesBothRequestLineRulesAndJudgesTheResponseAgainstItsKey() throws Exception {
        Path p = file("post.txt", "POST /chat HTTP/1.0\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\n\n" + RESPONSE);
        CliRun run = CliRun.of("explain", p.toString());
        run.assertOneErrorLine(ExitCode.CHECK_FAILED);
        List<String> request = group(run, "request rules");
        assertTrue(request.contains("FAIL METHOD_GET") && request.contains("FAIL HTTP_VERSION_1_1"), run.out());
        assertTrue(group(run, "response rules").contains("pass ACCEPT_MATCHES_KEY"), run.out());
        assertTrue(run.out().contains("verdict: this handshake fails — 2 rules broken; first: METHOD_GET"), run.out());
        JsonNode root = json(p, 1);
        assertEquals("METHOD_GET", root.path("verdict").path("rule").asText());
        for (JsonNode r : root.path("rules")) {
            if (r.path("outcome").asText().equals("fail")) {
                assertEquals("request", r.path("side").asText(), r.toString());
            }
        }
    }

    @Test
    void twoKeysFailOnTheRequestAndTheAcceptIsNotComputed() throws Exception {
        Path p = file("two-keys.txt", "GET /chat HTTP/1.1\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\nSec-WebSocket-Key: " + KEY
                + "\n\n" + RESPONSE);
        CliRun run = CliRun.of("explain", p.toString());
        run.assertOneErrorLine(ExitCode.CHECK_FAILED);
        assertTrue(group(run, "request rules").contains("FAIL KEY_PRESENT_ONCE"), run.out());
        assertTrue(group(run, "response rules").contains("info ACCEPT_MATCHES_KEY"), run.out());
        assertTrue(run.out().contains("no expected accept can be computed, because the request has 2 Sec-WebSocket-Key fields"), run.out());
        assertFalse(run.out().contains("matches key"), run.out());
        json(p, 1);
    }

    @Test
    void aBomCrlfAndTrailingSpacesPassAndAreNamed() throws Exception {
        String crlf = ("GET /chat HTTP/1.1 \n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\t\n\n" + RESPONSE).replace("\n", "\r\n");
        byte[] text = crlf.getBytes(StandardCharsets.US_ASCII);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Path p = file("bom.txt", withBom);
        CliRun run = CliRun.of("explain", p.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals(List.of("info BYTE_ORDER_MARK", "info TRAILING_WHITESPACE"), group(run, "how the file was read"));
        assertTrue(run.out().contains("trailing spaces or tabs on lines 1, 6"), run.out());
        JsonNode root = json(p, 0);
        assertTrue(root.path("verdict").path("rule").isNull() && root.path("verdict").path("detail").isNull());
    }

    @Test
    void aMissingFinalEmptyLineAndBareLfAreNamed() throws Exception {
        String text = "GET /chat HTTP/1.1\n" + FIELDS + "Sec-WebSocket-Key: " + KEY + "\n\n" + RESPONSE.strip();
        CliRun run = CliRun.of("explain", file("lf.txt", text).toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals(List.of("info LINE_ENDS", "info FINAL_EMPTY_LINE"), group(run, "how the file was read"));
    }

    @Test
    void markdownWhoseFirstBlockIsAShellSnippetUsesTheHttpBlocksAndSaysWhich() throws Exception {
        String md = "# Notes\n\n```sh\ncurl -i -N http://x/chat\n```\n\n```http\nGET /chat HTTP/1.1\n" + FIELDS
                + "Sec-WebSocket-Key: " + KEY + "\n```\n\n```\n" + RESPONSE + "```\n";
        Path p = file("notes.md", md);
        CliRun run = CliRun.of("explain", p.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("read from Markdown: the fenced block at lines 8–13 (the request) and the one at lines 17–20"
                + " (the response); skipped 1 earlier block that starts with no request line (line 4: \"curl -i -N http://x/chat\")"),
                run.out());
        json(p, 0);
    }

    @Test
    void aChromeDevToolsCopyIsReadAsOneAndSaysSo() throws Exception {
        Path p = file("chrome.txt", CHROME);
        CliRun run = CliRun.of("explain", p.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("info  DEVTOOLS_COPY (RFC 6455 §4.1 / RFC 9113 §8.3): read as a browser DevTools copy"), run.out());
        assertTrue(run.out().contains("\n  GET /chat HTTP/1.1 "), run.out());
        JsonNode root = json(p, 0);
        assertEquals("both", root.path("rules").get(1).path("side").asText(), root.path("rules").toString());
    }

    @Test
    void aFirefoxCopyWithPseudoHeadersAndABadAcceptFailsOnTheResponse() throws Exception {
        String firefox = "Response Headers (120 B)\n:status: 101\nupgrade: websocket\nconnection: Upgrade\n"
                + "sec-websocket-accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\nRequest Headers (300 B)\n:method: GET\n:path: /chat\n"
                + ":authority: x\nupgrade: websocket\nconnection: Upgrade\nsec-websocket-key: " + KEY + "\nsec-websocket-version: 13\n";
        Path p = file("firefox.txt", firefox);
        CliRun run = CliRun.of("explain", p.toString());
        run.assertOneErrorLine(ExitCode.CHECK_FAILED);
        assertTrue(group(run, "response rules").contains("FAIL ACCEPT_MATCHES_KEY"), run.out());
        assertFalse(group(run, "request rules").stream().anyMatch(l -> l.startsWith("FAIL")), run.out());
        assertTrue(run.out().contains("with HTTP/2-style pseudo-header fields"), run.out());
        JsonNode root = json(p, 1);
        assertEquals("response", root.path("rules").findParents("rule").stream()
                .filter(r -> r.path("outcome").asText().equals("fail")).findFirst().orElseThrow().path("side").asText());
    }

    @Test
    void whatIsNoTranscriptIsOneLineSayingWhyAndWhatOneLooksLike() throws Exception {
        byte[] binary = new byte[64];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 7);
        }
        String[][] cases = {
            {"prose.txt", "Dear reader, the handshake went fine.\n", "its first line (line 1, \"Dear reader, the handshake went fine.\") is no HTTP request line"},
            {"data.json", "{\"request\": \"GET /\"}\n", "it looks like JSON"},
            {"empty.txt", "", "it is empty"},
            {"request-only.txt", "GET / HTTP/1.1\nHost: x\n", "it holds a request (line 1) but no response after it"},
        };
        List<Path> paths = new ArrayList<>();
        List<String> whys = new ArrayList<>();
        for (String[] c : cases) {
            paths.add(file(c[0], c[1]));
            whys.add(c[2]);
        }
        paths.add(file("blob.bin", binary));
        whys.add("it holds binary data");
        for (int i = 0; i < paths.size(); i++) {
            CliRun run = CliRun.of("explain", paths.get(i).toString());
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().startsWith("wslab: " + paths.get(i) + " is not a handshake transcript: " + whys.get(i)), run.err());
            assertTrue(run.err().contains("(a transcript is the request (\"GET /chat HTTP/1.1\""), run.err());
            assertTrue(run.out().isEmpty(), run.toString());
        }
    }
}
