package org.wslab.handshake.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.Props;

/**
 * The head buffer follows the bytes received, not the configured limit (RFC 9110 §5.4 lets a
 * server bound the header section; a generous bound must not cost memory per connection up front).
 */
class HeadScannerMemoryTest {
    private static HeadScanner<String> scanner(int limit) {
        return new HeadScanner<>(new HeadLimits(limit, 10_000), new HeadScanner.Grammar<>() {
            @Override
            public HttpParseFailure startLine(String line, long offset) {
                return null;
            }

            @Override
            public Object finish(Headers headers, long endOffset) {
                return "head";
            }
        });
    }

    @Test
    void capacityIsAtMostTwiceTheBytesReceivedAndNeverPastTheLimit() {
        // after n bytes of an unfinished head: capacity <= max(1 KiB, 2n) and <= the limit
        Props.qt(100).forAll(integers().between(16, 1 << 20), integers().between(0, 200_000)).checkAssert((limit, n) -> {
            HeadScanner<String> s = scanner(limit);
            byte[] line = "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] data = new byte[n];
            for (int i = 0; i < n; i++) {
                data[i] = line[i % line.length];
            }
            ParseResult<String> r = s.feed(data, 0, n);
            assertTrue(s.capacity() <= limit, "never past the limit");
            if (r instanceof ParseResult.NeedMore<String>) {
                assertTrue(s.capacity() <= Math.max(HeadScanner.INITIAL_BUFFER, 2 * n),
                        () -> "limit " + limit + ", received " + n + ", capacity " + s.capacity());
            } else {
                assertEquals(HttpRule.HEADER_SECTION_LIMIT,
                        assertInstanceOf(ParseResult.Failed.class, r).failure().rule());
            }
        });
    }

    @Test
    void theLimitStillHoldsToTheByte() {
        // RFC 9110 §5.4: exactly at the limit parses, one byte more fails
        byte[] head = "GET / HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertInstanceOf(ParseResult.Parsed.class, scanner(head.length).feed(head, 0, head.length));
        assertInstanceOf(ParseResult.Failed.class, scanner(head.length - 1).feed(head, 0, head.length));
    }
}
