package org.wslab.handshake.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Splitting a transcript (request, empty line, response; RFC 9112 §2.1 line ends, LF or CRLF) in one
 * pass: the response head gets its final empty line in the file's style, and long runs of line ends
 * cost linear time. The timeout only keeps a quadratic regression from hanging the build.
 */
class TranscriptReadingTest {
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

    private static Transcript split(String text) {
        return assertInstanceOf(Transcript.Reading.Split.class,
                Transcript.read(text.getBytes(StandardCharsets.ISO_8859_1))).transcript();
    }

    @Test
    void theResponseEndsWithOneEmptyLineInTheFilesStyle() {
        assertArrayEquals("HTTP/1.1 101 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                split(REQUEST + "HTTP/1.1 101 OK\r\n\r\n\r\n\n").response());
        assertArrayEquals("HTTP/1.1 101 OK\n\n".getBytes(StandardCharsets.US_ASCII),
                split("GET / HTTP/1.1\nHost: x\n\nHTTP/1.1 101 OK").response());
    }

    @Test
    void trailingBlanksAreLeftForTheParserToJudge() {
        String response = "HTTP/1.1 101 OK\r\nUpgrade: websocket \r\n";
        assertArrayEquals(response.getBytes(StandardCharsets.US_ASCII),
                assertInstanceOf(Transcript.class, split(REQUEST + response)).response());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void longRunsOfLineEndsAreReadInOnePass() {
        String many = "\n".repeat(400_000);
        Transcript t = split(REQUEST + "HTTP/1.1 101 OK\r\n" + many);
        assertTrue(t.response().length < 40, "the run of line ends is cut");
        // a long run of line ends that is not the end: each start of a run made a trailing-run regex scan it
        String notAtTheEnd = "HTTP/1.1 101 OK\r\n" + "\r\n".repeat(200_000) + "x";
        assertTrue(split(REQUEST + notAtTheEnd).response().length > 400_000, "nothing cut before the last octet");
    }
}
