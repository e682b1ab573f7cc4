package org.wslab.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Ending;
import org.wslab.conformance.Reply;
import org.wslab.framing.text.Utf8Validator;

/**
 * The corpus is only as good as its labels: each sample's "valid" must agree with two decoders
 * written apart from it (the JDK's strict UTF-8 decoder and framing's validator, RFC 3629), and
 * the cases built from it must expect an echo exactly for the valid ones.
 */
class Utf8CorpusTest {
    @Test
    void everySampleIsLabelledAsTheJdkAndFramingDecodeIt() {
        List<Utf8Corpus.Sample> all = Utf8Corpus.all();
        assertEquals(117, all.size());
        for (Utf8Corpus.Sample s : all) {
            assertEquals(s.valid(), jdkAccepts(s.bytes()), s.name());
            assertEquals(s.valid(), Utf8Validator.firstInvalid(s.bytes()) < 0, s.name());
        }
        assertTrue(all.stream().anyMatch(Utf8Corpus.Sample::valid) && all.stream().anyMatch(s -> !s.valid()));
    }

    @Test
    void validTextIsEchoedAndInvalidTextFailsTheConnectionWith1007() {
        for (ConformanceCase c : Utf8Cases.cases()) {
            if (c.id().value().startsWith("utf8.6.25.")) {
                continue; // Close reasons: no text message
            }
            byte[] text = sentText(c);
            if (((org.wslab.conformance.FrameScript) c.script()).expectation().ending() instanceof Ending.FailConnection f) {
                assertEquals(Set.of(1007), f.codes(), c.id().value());
                assertTrue(!jdkAccepts(text), c.id().value());
            } else {
                assertEquals(List.of(Reply.text(text)), ((org.wslab.conformance.FrameScript) c.script()).expectation().replies(), c.id().value());
                assertTrue(jdkAccepts(text), c.id().value());
            }
        }
    }

    @Test
    void chosenSequencesAreSplitAtEveryOctetPosition() {
        long splitsOfSurrogate = Utf8Cases.cases().stream()
                .filter(c -> c.title().startsWith("invalid text 78 ED A0 80 79 in two fragments")).count();
        assertEquals(4, splitsOfSurrogate);
    }

    /** The text payloads of the case's data frames, in order. */
    private static byte[] sentText(ConformanceCase c) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (org.wslab.conformance.Action a : ((org.wslab.conformance.FrameScript) c.script()).actions()) {
            if (a instanceof org.wslab.conformance.Action.Send s) {
                s.frames().stream().filter(f -> f.opcode() <= 2).forEach(f -> b.writeBytes(f.payload()));
            }
        }
        return b.toByteArray();
    }

    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
