package org.wslab.handshake.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** The explainer takes any file a user may hand the CLI and answers with findings, never an exception. */
class ExplainerPropertiesTest {

    @Test
    void anyFileGivesAnExplanation() {
        // garbage in, typed findings out: every check names a rule; an unreadable file is a FAIL
        Props.qt().forAll(ByteGens.bytes(0, 300)).checkAssert(bytes -> {
            Explanation e = TranscriptExplainer.explainFile(bytes);
            assertFalse(e.checks().isEmpty());
            if (e.request().isEmpty() || e.response().isEmpty()) {
                assertFalse(e.passed());
            }
        });
    }

    @Test
    void aDamagedNotesTranscriptStillGivesAnExplanation() throws Exception {
        // near-valid input: a few bytes of the real transcript overwritten
        byte[] original = NotesTranscriptTest.resource(NotesTranscriptTest.CRLF);
        Props.qt().forAll(ByteGens.bytes(2, 8)).checkAssert(noise -> {
            byte[] bytes = original.clone();
            for (int i = 0; i + 1 < noise.length; i += 2) {
                bytes[(noise[i] & 0xFF) * 5 % bytes.length] = noise[i + 1];
            }
            Explanation e = TranscriptExplainer.explainFile(bytes);
            if (e.request().isPresent() && e.response().isPresent()) {
                assertEquals(1, e.checksOf(HandshakeRule.ACCEPT_MATCHES_KEY).size(), "both parsed: the accept is checked");
                assertEquals(e.requestHeaders().size(), e.request().get().headers().fields().size());
            } else {
                assertTrue(e.failures().stream().anyMatch(c -> c.rule() instanceof HttpRule
                        || c.rule() == HandshakeRule.REQUEST_WELL_FORMED || c.rule() == HandshakeRule.RESPONSE_WELL_FORMED),
                        () -> "an unparsed message is a failed check: " + e.checks());
            }
        });
    }
}
