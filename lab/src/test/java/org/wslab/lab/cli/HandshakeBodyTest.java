package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.wslab.testkit.Props.qt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wslab.lab.json.JsonSchemas;

/**
 * The body of a refusal, as {@code wslab handshake} reads and shows it (RFC 9112 §6.3): by
 * Content-Length, chunked (kept as sent, up to the last chunk), or until the server closes; never
 * more than 4 KiB, control characters escaped, and a body cut short said to be so.
 */
class HandshakeBodyTest {

    private static JsonNode body(RawServer server) {
        CliRun run = CliRun.of("handshake", "--json", server.url("/"));
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
        return JsonSchemas.assertValid("handshake", run.out()).get("response").get("body");
    }

    @Test
    void aBodyUntilCloseIsReadWholeAndItsEscapesShown() throws Exception {
        try (RawServer server = new RawServer(ascii("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                + "no \u001b[31mred\u001b[0m here\nsecond line\n"))) {
            CliRun run = CliRun.of("handshake", server.url("/"));
            assertTrue(run.out().contains("← body (33 bytes):\n  | no \\x1b[31mred\\x1b[0m here\n  | second line\n"), run.out());
            assertFalse(run.out().contains("\u001b") || run.err().contains("\u001b"), run.toString());
            JsonNode body = body(server);
            assertEquals("until-close", body.get("framing").asText());
            assertTrue(body.get("complete").asBoolean(), body.toString());
            assertTrue(body.get("contentLength").isNull(), body.toString());
        }
    }

    @Test
    void aChunkedBodyEndsAtItsLastChunk() throws Exception {
        // the server keeps the connection open: only the last chunk tells the body ended
        try (RawServer server = RawServer.silent()) {
            server.answer(ascii("HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
            JsonNode body = body(server);
            assertEquals("chunked", body.get("framing").asText());
            assertTrue(body.get("complete").asBoolean(), body.toString());
            assertEquals("5\r\nhello\r\n0\r\n\r\n", body.get("text").asText());
        }
    }

    @Test
    void aLongBodyIsCutAt4KiB() throws Exception {
        String big = "x".repeat(10_000);
        try (RawServer server = new RawServer(ascii("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 10000\r\n\r\n" + big))) {
            JsonNode body = body(server);
            assertEquals(4096, body.get("bytes").asInt());
            assertEquals(10_000, body.get("contentLength").asInt());
            assertFalse(body.get("complete").asBoolean(), body.toString());
            CliRun run = CliRun.of("handshake", server.url("/"));
            assertTrue(run.out().contains("← body (4096 bytes of Content-Length 10000, not all of it):"), run.out());
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsNotComplete() throws Exception {
        try (RawServer server = new RawServer(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 50\r\n\r\nonly this"))) {
            JsonNode body = body(server);
            assertEquals("only this", body.get("text").asText());
            assertFalse(body.get("complete").asBoolean(), body.toString());
        }
    }

    @Test
    void anyContentLengthBodyIsReadToItsEndOrTo4KiB() throws Exception {
        // RFC 9112 §6.3 (6): exactly Content-Length octets are the body; the command keeps at most 4 KiB
        try (RawServer server = new RawServer(new byte[0])) {
            qt(25).forAll(integers().between(0, 6_000), integers().between(0, 40)).checkAssert((length, extra) -> {
                String text = "b".repeat(length);
                // bytes past the body belong to no one: a server sending them must not lengthen it
                server.answer(ascii("HTTP/1.1 404 Not Found\r\nContent-Length: " + length + "\r\n\r\n" + text
                        + "z".repeat(extra)));
                JsonNode body = body(server);
                assertEquals(Math.min(length, 4096), body.get("bytes").asInt(), body.toString());
                assertEquals(text.substring(0, Math.min(length, 4096)), body.get("text").asText());
                assertEquals(length <= 4096, body.get("complete").asBoolean(), body.toString());
                assertEquals(length, body.get("contentLength").asInt());
            });
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
