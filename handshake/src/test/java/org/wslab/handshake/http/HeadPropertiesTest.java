package org.wslab.handshake.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** Properties of the head parsers and writer (RFC 9112 §2–5). */
public class HeadPropertiesTest {

    /** Feeds the chunks in order; returns the last result and checks consumed against the chunking. */
    static <T> ParseResult<T> feedAll(java.util.function.Supplier<ChunkFeeder<T>> parser, List<byte[]> chunks, int headLength) {
        ChunkFeeder<T> p = parser.get();
        ParseResult<T> r = new ParseResult.NeedMore<>();
        int before = 0;
        for (byte[] chunk : chunks) {
            r = p.feed(chunk, 0, chunk.length);
            if (!(r instanceof ParseResult.NeedMore<T>)) {
                if (r instanceof ParseResult.Parsed<T> parsed && headLength >= 0) {
                    assertEquals(headLength, before + parsed.consumed(), "consumed ends exactly at the head's end");
                }
                return r;
            }
            before += chunk.length;
        }
        return r;
    }

    interface ChunkFeeder<T> {
        ParseResult<T> feed(byte[] data, int off, int len);
    }

    static ChunkFeeder<RequestHead> requestParser() {
        return new RequestHeadParser()::feed;
    }

    static ChunkFeeder<ResponseHead> responseParser() {
        return new ResponseHeadParser()::feed;
    }

    /** The parsed head, or an assertion error naming what came instead. */
    public static <T> T parsedHead(ParseResult<T> r) {
        if (r instanceof ParseResult.Parsed<T> p) {
            return p.head();
        }
        throw new AssertionError("expected a parsed head, got " + r);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void requestRoundTrip() {
        // RFC 9112 §3, §5: the writer's bytes parse back to the same head, name case and order kept
        Props.qt().forAll(HeadGenerators.requests())
                .checkAssert(head -> assertEquals(head, parsedHead(RequestHeadParser.parse(HeadWriter.write(head)))));
    }

    @Test
    void responseRoundTrip() {
        // RFC 9112 §4, §5: same for responses, any status and reason
        Props.qt().forAll(HeadGenerators.responses())
                .checkAssert(head -> assertEquals(head, parsedHead(ResponseHeadParser.parse(HeadWriter.write(head)))));
    }

    @Test
    void optionalWhitespaceLoneLfAndLeadingEmptyLinesDoNotChangeTheParse() {
        // RFC 9112 §2.2 (lone LF, leading empty lines) and §5.1 (OWS around the value) carry no meaning
        Props.qt().forAll(HeadGenerators.requests(), HeadGenerators.responses(), HeadGenerators.noiseSeeds())
                .checkAssert((req, resp, seed) -> {
                    assertEquals(req, parsedHead(RequestHeadParser.parse(
                            HeadGenerators.noisy(HeadWriter.text(req), seed))));
                    assertEquals(resp, parsedHead(ResponseHeadParser.parse(
                            HeadGenerators.noisy(HeadWriter.text(resp), seed))));
                });
    }

    @Test
    void anyChunkingGivesTheSameParseAndStopsAtTheHeadsEnd() {
        // incremental parsing: TCP may cut the bytes anywhere; frames after the head are not consumed
        byte[] frames = {(byte) 0x81, (byte) 0x85, 0x37, (byte) 0xfa};
        Props.qt().forAll(HeadGenerators.requests(), HeadGenerators.responses(), Splits.cutPoints(12))
                .checkAssert((req, resp, cuts) -> {
                    byte[] reqBytes = HeadWriter.write(req);
                    assertEquals(req, parsedHead(feedAll(HeadPropertiesTest::requestParser,
                            Splits.apply(concat(reqBytes, frames), cuts), reqBytes.length)));
                    byte[] respBytes = HeadWriter.write(resp);
                    assertEquals(resp, parsedHead(feedAll(HeadPropertiesTest::responseParser,
                            Splits.apply(concat(respBytes, frames), cuts), respBytes.length)));
                });
    }

    @Test
    void everyTwoWaySplitGivesTheSameParse() {
        // the same, exhaustively over every single cut point of each generated head
        Props.qt(60).forAll(HeadGenerators.requests(), HeadGenerators.noiseSeeds()).checkAssert((req, seed) -> {
            byte[] bytes = HeadGenerators.noisy(HeadWriter.text(req), seed);
            for (List<byte[]> split : Splits.everyTwoWaySplit(bytes)) {
                assertEquals(req, parsedHead(feedAll(HeadPropertiesTest::requestParser, split, bytes.length)));
            }
        });
    }

    @Test
    void garbageGivesATypedResultWhateverTheChunking() {
        // malformed input of any shape ends in NeedMore, Parsed or Failed, never an exception,
        // and the answer does not depend on how the bytes were cut
        Props.qt().forAll(ByteGens.bytes(0, 400), Splits.cutPoints(6)).checkAssert((bytes, cuts) -> {
            assertSameVerdict(RequestHeadParser.parse(bytes), feedAll(HeadPropertiesTest::requestParser, Splits.apply(bytes, cuts), -1));
            assertSameVerdict(ResponseHeadParser.parse(bytes), feedAll(HeadPropertiesTest::responseParser, Splits.apply(bytes, cuts), -1));
        });
    }

    @Test
    void mutatedHeadsGiveATypedResultWhateverTheChunking() {
        // near-valid input reaches deeper states than random bytes: overwrite a few bytes of a real head
        Props.qt().forAll(HeadGenerators.requests(), ByteGens.bytes(1, 6), Splits.cutPoints(6))
                .checkAssert((req, noise, cuts) -> {
                    byte[] bytes = HeadWriter.write(req);
                    for (int i = 0; i + 1 < noise.length; i += 2) {
                        bytes[(noise[i] & 0xFF) * 7 % bytes.length] = noise[i + 1];
                    }
                    assertSameVerdict(RequestHeadParser.parse(bytes), feedAll(HeadPropertiesTest::requestParser, Splits.apply(bytes, cuts), -1));
                    assertSameVerdict(ResponseHeadParser.parse(bytes), feedAll(HeadPropertiesTest::responseParser, Splits.apply(bytes, cuts), -1));
                });
    }

    static <T> void assertSameVerdict(ParseResult<T> whole, ParseResult<T> chunked) {
        assertEquals(whole.getClass(), chunked.getClass());
        if (whole instanceof ParseResult.Failed<T> f) {
            assertEquals(f, chunked);
        } else if (whole instanceof ParseResult.Parsed<T> p) {
            assertEquals(p.head(), ((ParseResult.Parsed<T>) chunked).head());
        }
    }

    @Test
    void theHeadLimitHoldsForEveryInput() {
        // RFC 9110 §5.4: a head larger than the limit fails at the limit, however it is fed
        Props.qt(50).forAll(ByteGens.largeBytes(HeadLimits.DEFAULT_MAX_HEAD_BYTES + 1, 3 * HeadLimits.DEFAULT_MAX_HEAD_BYTES),
                Splits.cutPoints(4)).checkAssert((bytes, cuts) -> {
                    byte[] text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("[\\r\\n]", "x")
                            .getBytes(StandardCharsets.ISO_8859_1);
                    ParseResult<RequestHead> r = feedAll(HeadPropertiesTest::requestParser, Splits.apply(text, cuts), -1);
                    assertTrue(r instanceof ParseResult.Failed<RequestHead> f && f.failure().rule() == HttpRule.HEADER_SECTION_LIMIT,
                            r::toString);
                });
    }
}
