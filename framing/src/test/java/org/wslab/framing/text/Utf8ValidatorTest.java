package org.wslab.framing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Hex;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** RFC 6455 §8.1 with the RFC 3629 §4 grammar: examples, and properties against a JDK oracle. */
class Utf8ValidatorTest {
    /** Text of code points from every UTF-8 length class, surrogates excluded. */
    static Gen<String> texts() {
        Gen<Integer> cp = integers().between(0, 3).zip(integers().between(0, 0xFFFFF), (cls, n) -> switch (cls) {
            case 0 -> n % 0x80;
            case 1 -> 0x80 + n % (0x800 - 0x80);
            case 2 -> {
                int c = 0x800 + n % (0x10000 - 0x800);
                yield c >= 0xD800 && c <= 0xDFFF ? c - 0x800 : c;
            }
            default -> 0x10000 + n % 0x100000;
        });
        return lists().of(cp).ofSizeBetween(0, 40).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        });
    }

    private static long validateInPieces(byte[] bytes, List<Integer> cuts) {
        Utf8Validator v = new Utf8Validator();
        for (byte[] piece : Splits.apply(bytes, cuts)) {
            if (v.feed(piece) >= 0) {
                return v.failedAt();
            }
        }
        return v.finish() ? -1 : v.failedAt();
    }

    @Test
    void examplesFailAtTheFirstBadByte() {
        assertEquals(-1, Utf8Validator.firstInvalid("κόσμε".getBytes(StandardCharsets.UTF_8)));
        assertEquals(-1, Utf8Validator.firstInvalid(Hex.bytes("f4 8f bf bf")));
        assertEquals(0, Utf8Validator.firstInvalid(Hex.bytes("80")));
        assertEquals(0, Utf8Validator.firstInvalid(Hex.bytes("c0 af")), "overlong 2-byte lead");
        assertEquals(1, Utf8Validator.firstInvalid(Hex.bytes("e0 80 af")), "overlong 3-byte");
        assertEquals(1, Utf8Validator.firstInvalid(Hex.bytes("ed a0 80")), "surrogate U+D800");
        assertEquals(1, Utf8Validator.firstInvalid(Hex.bytes("f4 90 80 80")), "above U+10FFFF");
        assertEquals(0, Utf8Validator.firstInvalid(Hex.bytes("f5 80 80 80")));
        assertEquals(4, Utf8Validator.firstInvalid(Hex.bytes("41 42 e2 82")), "truncated: the missing 5th byte");
        // the Autobahn 6.4.1 shape: fails inside the message, not at its end
        assertEquals(12, Utf8Validator.firstInvalid(Hex.bytes("ce ba e1 bd b9 cf 83 ce bc ce b5 f4 90 80 80 65 64 69 74 65 64")));
    }

    @Test
    void validTextSplitAnywhereValidates() {
        // §5.4/§8.1: fragment boundaries may cut code points; validity is of the whole message
        Props.qt().forAll(texts(), Splits.cutPoints(8)).checkAssert((text, cuts) ->
                assertEquals(-1, validateInPieces(text.getBytes(StandardCharsets.UTF_8), cuts)));
    }

    @Test
    void asciiFastPathAgreesOnLongRuns() {
        // the 8-byte ASCII skip must hand over to the slow path exactly at the first non-ASCII byte
        Props.qt().forAll(ByteGens.bytesFrom("abcdefgh", 0, 70), ByteGens.bytes(0, 6), Splits.cutPoints(3))
                .checkAssert((ascii, tail, cuts) -> {
                    byte[] all = new byte[ascii.length + tail.length];
                    System.arraycopy(ascii, 0, all, 0, ascii.length);
                    System.arraycopy(tail, 0, all, ascii.length, tail.length);
                    assertEquals(Utf8Oracle.firstInvalid(all), validateInPieces(all, cuts));
                });
    }

    @Test
    void arbitraryBytesAreRejectedAtTheOraclesFirstBadByte() {
        // §8.1 + RFC 3629 §4: the first byte that no valid continuation could follow is where we fail
        Props.qt().forAll(mixed(), Splits.cutPoints(5)).checkAssert((bytes, cuts) ->
                assertEquals(Utf8Oracle.firstInvalid(bytes), validateInPieces(bytes, cuts)));
    }

    @Test
    void oracleAgreesWithTheJdkOnWholeMessages() {
        Props.qt().forAll(mixed()).checkAssert(bytes ->
                assertTrue((Utf8Validator.firstInvalid(bytes) == -1) == Utf8Oracle.strictlyValid(bytes)));
    }

    /** Bytes biased towards lead and continuation bytes so that valid sequences occur often. */
    static Gen<byte[]> mixed() {
        Gen<byte[]> piece = integers().between(0, 5).zip(ByteGens.bytes(0, 3), integers().between(0, 0x10FFFF),
                (kind, raw, cp) -> switch (kind) {
                    case 0, 1 -> raw;
                    default -> Character.isSurrogate((char) (int) cp) && cp < 0x10000
                            ? new byte[] {0x41}
                            : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                });
        return lists().of(piece).ofSizeBetween(0, 12).map(ps -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            ps.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }
}
