package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.lab.json.JsonSchemas;

/**
 * {@code wslab explain} on the source notes' recorded handshake (copied verbatim from the two code
 * blocks of the source notes, shared/source/websocket-stomp-notes.zh.md) and on files that are not transcripts.
 */
class ExplainCommandTest {
    private static final String NOTES_KEY = "I88buTTIKcJE1QKxHAMpnA==";
    private static final String NOTES_ACCEPT = "G+NHta8H3Mjiol8xeT3T3Tilabw=";

    @TempDir
    static Path dir;

    private static Path notesLf;
    private static String notesText;

    @BeforeAll
    static void copyTranscript() throws Exception {
        try (InputStream in = ExplainCommandTest.class.getResourceAsStream("/transcripts/notes-stomp-handshake.txt")) {
            notesText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        notesLf = Files.writeString(dir.resolve("notes-lf.txt"), notesText);
    }

    /** RFC 6455 §4.2.2 (5.4), computed here independently of the handshake module. */
    private static String acceptFor(String key) throws Exception {
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1);
    }

    @Test
    void theNotesTranscriptFailsOnTheAcceptAndShowsTheValueThatWouldMatch() throws Exception {
        String expected = acceptFor(NOTES_KEY);
        CliRun run = CliRun.of("explain", notesLf.toString());
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
        assertTrue(run.outLines().stream().anyMatch(l -> l.contains("FAIL  ACCEPT_MATCHES_KEY")
                && l.contains(NOTES_ACCEPT) && l.contains(NOTES_KEY) && l.contains(expected)), run.out());
        assertTrue(run.headLine("  Sec-WebSocket-Accept: " + NOTES_ACCEPT).contains("FAIL"), run.out());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().contains("ACCEPT_MATCHES_KEY") && run.err().contains(expected), run.err());
        assertTrue(run.out().contains("verdict: this handshake fails — 1 rule broken; first: ACCEPT_MATCHES_KEY"), run.out());
    }

    @Test
    void theNotesTranscriptFindingsAreShown() {
        CliRun run = CliRun.of("explain", notesLf.toString());
        String location = run.headLine("  Sec-WebSocket-Location: ");
        assertTrue(location.contains("[obsolete]") && location.contains("hixie-76"), run.out());
        assertTrue(run.headLine("  User-Agent: ").contains("[unrelated]"), run.out());
        assertTrue(run.out().contains("absolute-form ws://localhost:8080/websocket/app"), run.out());
        assertTrue(run.out().contains("picked v10.stomp of 3 offered"), run.out());
        assertTrue(run.out().contains("permessage-deflate offered (permessage-deflate; client_max_window_bits) but not accepted"),
                run.out());
    }

    // however long a header line (the notes' User-Agent), every annotation of a head starts in one column
    @Test
    void annotationsStayInOneColumnPerHead() {
        CliRun run = CliRun.of("explain", notesLf.toString());
        java.util.List<java.util.Set<Integer>> heads = new java.util.ArrayList<>();
        for (String line : run.outLines()) {
            if (line.startsWith("→") || line.startsWith("←")) {
                heads.add(new java.util.TreeSet<>());
            } else if (line.isEmpty() && heads.size() == 2) {
                break; // the rules follow the heads
            }
            int label = line.indexOf("  [");
            if (label > 0 && !heads.isEmpty()) {
                heads.get(heads.size() - 1).add(label);
            }
        }
        assertEquals(2, heads.size(), run.out());
        heads.forEach(columns -> assertEquals(1, columns.size(), "annotation columns " + columns + ":\n" + run.out()));
        assertTrue(run.out().contains("\n  User-Agent: "), run.out());
    }

    @Test
    void crlfLineEndsExplainTheSame() throws Exception {
        Path crlf = Files.writeString(dir.resolve("notes-crlf.txt"), notesText.replace("\n", "\r\n"));
        CliRun lf = CliRun.of("explain", notesLf.toString());
        CliRun withCr = CliRun.of("explain", crlf.toString());
        assertEquals(lf.exitCode(), withCr.exitCode());
        assertEquals(JudgedOutput.of(lf.out()), JudgedOutput.of(withCr.out()));
        assertTrue(lf.out().contains("info  LINE_ENDS (RFC 9112 §2.2): "), lf.out());
        assertFalse(withCr.out().contains("LINE_ENDS"), withCr.out());
    }

    @Test
    void jsonListsEveryCheckAndTheFailure() throws Exception {
        CliRun run = CliRun.of("explain", "--json", notesLf.toString());
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
        JsonNode root = JsonSchemas.assertValid("explain", run.out());
        assertEquals(1, root.path("exitCode").asInt());
        assertEquals("explain", root.path("command").asText());
        assertEquals(notesLf.toString(), root.path("file").asText());
        assertFalse(root.path("verdict").path("passed").asBoolean());
        assertEquals("ACCEPT_MATCHES_KEY", root.path("verdict").path("rule").asText());
        assertTrue(root.path("checks").isMissingNode(), "renamed to rules");
        int failures = 0;
        for (JsonNode check : root.path("rules")) {
            if (check.path("outcome").asText().equals("fail")) {
                failures++;
                assertEquals("ACCEPT_MATCHES_KEY", check.path("rule").asText());
                assertTrue(check.path("detail").asText().contains(acceptFor(NOTES_KEY)));
            }
        }
        assertEquals(1, failures, run.out());
        JsonNode location = null;
        for (JsonNode line : root.path("response").path("lines")) {
            if ("Sec-WebSocket-Location".equals(line.path("name").asText())) {
                location = line;
            }
        }
        assertEquals("obsolete", location.path("role").asText(), run.out());
    }

    @Test
    void theNotesTranscriptWithTheRightAcceptPassesWithExitZero() throws Exception {
        Path fixed = Files.writeString(dir.resolve("fixed.txt"),
                notesText.replace(NOTES_ACCEPT, acceptFor(NOTES_KEY)));
        CliRun run = CliRun.of("explain", fixed.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals("", run.err());
        assertTrue(run.out().contains("verdict: every rule holds"), run.out());
    }

    @Test
    void filesThatAreNotTranscriptsAreExitTwo() throws Exception {
        Path noBlankLine = Files.writeString(dir.resolve("one-message.txt"), "GET / HTTP/1.1\nHost: x\n");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path huge = Files.write(dir.resolve("huge.txt"), new byte[(1 << 20) + 1]);
        for (Path p : new Path[] {noBlankLine, empty, huge, dir.resolve("missing.txt"), dir}) {
            CliRun run = CliRun.of("explain", p.toString());
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.out().isEmpty(), run.toString());
        }
    }

    @Test
    void aTranscriptWhoseMessagesDoNotParseFailsWithExitOne() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "POST / HTTP/1.1\nHost: x\n\nnot a response\n");
        CliRun run = CliRun.of("explain", bad.toString());
        run.assertOneErrorLine(ExitCode.CHECK_FAILED);
        assertTrue(run.out().contains("FAIL"), run.out());
    }
}
