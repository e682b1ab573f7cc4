package org.wslab.handshake.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wslab.handshake.spec.RuleCheck;

/** How a file becomes two heads (RFC 9112 §2.1–§2.2), and what is named on the way. */
class TranscriptReadingTest {
    private static final String REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

    private static Transcript.Reading.Split split(String text) {
        return assertInstanceOf(Transcript.Reading.Split.class, Transcript.read(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String invalid(String text) {
        return assertInstanceOf(Transcript.Reading.Invalid.class, Transcript.read(text.getBytes(StandardCharsets.ISO_8859_1))).detail();
    }

    private static List<TranscriptRule> noted(Transcript.Reading.Split s) {
        return s.notes().stream().map(RuleCheck::rule).map(TranscriptRule.class::cast).toList();
    }

    @Test
    void eachHeadIsHeldAsCrlfLinesEndingInTheEmptyLine() {
        assertArrayEquals("HTTP/1.1 101 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                split(REQUEST + "HTTP/1.1 101 OK\r\n\r\n\r\n\n").transcript().response());
        Transcript.Reading.Split lf = split("GET / HTTP/1.1\nHost: x\n\nHTTP/1.1 101 OK");
        assertArrayEquals("HTTP/1.1 101 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII), lf.transcript().response());
        assertEquals(List.of(TranscriptRule.LINE_ENDS, TranscriptRule.FINAL_EMPTY_LINE), noted(lf));
    }

    @Test
    void trailingBlanksAreDroppedAndNamed() {
        Transcript.Reading.Split s = split(REQUEST + "HTTP/1.1 101 OK\r\nUpgrade: websocket \t\r\n\r\n");
        assertEquals(List.of("HTTP/1.1 101 OK", "Upgrade: websocket"), s.transcript().responseLines());
        assertEquals(List.of(TranscriptRule.TRAILING_WHITESPACE), noted(s));
        assertTrue(s.notes().get(0).detail().contains("line 5"), s.notes().toString());
    }

    @Test
    void aMissingEmptyLineBeforeTheStatusLineIsSuppliedAndNamed() {
        Transcript.Reading.Split s = split("GET / HTTP/1.1\r\nHost: x\r\nHTTP/1.1 101 OK\r\n\r\n");
        assertEquals(List.of("GET / HTTP/1.1", "Host: x"), s.transcript().requestLines());
        assertEquals(List.of(TranscriptRule.FINAL_EMPTY_LINE), noted(s));
    }

    @Test
    void whatIsNoTranscriptSaysWhy() {
        assertEquals("it is empty", invalid(""));
        assertEquals("it holds only empty lines", invalid("\n\r\n  \n"));
        assertTrue(invalid("{\"request\": 1}").contains("looks like JSON"));
        assertTrue(invalid("HTTP/1.1 101 OK\n\nGET / HTTP/1.1\n").contains("starts with a response"));
        assertTrue(invalid("Dear reader,\nhello").contains("\"Dear reader,\") is no HTTP request line"));
        assertTrue(invalid("GET / HTTP/1.1\nHost: x\n").contains("no response"));
        assertTrue(invalid("GET / HTTP/1.1\n\u0000\u0001").contains("binary"));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void longRunsOfLineEndsAreReadInOnePass() {
        Transcript t = split(REQUEST + "HTTP/1.1 101 OK\r\n" + "\n".repeat(400_000)).transcript();
        assertEquals(List.of("HTTP/1.1 101 OK"), t.responseLines());
        Transcript many = split(REQUEST + "HTTP/1.1 101 OK\r\n" + "X: y\r\n".repeat(200_000) + "\r\n").transcript();
        assertEquals(200_001, many.responseLines().size());
    }
}
