package org.wslab.handshake.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** What people paste: any messy form of a handshake is judged as the clean one; garbage is never an exception. */
class MessyTranscriptPropertiesTest {

    private static Explanation explained(byte[] file) {
        return TranscriptExplainer.explain(assertInstanceOf(Transcript.Reading.Split.class, Transcript.read(file)));
    }

    /** The verdict of every rule that is not about how the file was read. */
    private static List<String> verdicts(Explanation e) {
        return e.rules().stream().filter(r -> !(r.check().rule() instanceof TranscriptRule))
                .map(r -> r.side() + " " + r.check().rule() + " " + r.check().outcome()).toList();
    }

    @Test
    void aMessyValidTranscriptExplainsLikeTheCleanOne() {
        // RFC 9112 §2.2 (a recipient may accept a lone LF; a BOM is no part of the message), §5 (OWS
        // after a value), §2.1 (the final empty line), RFC 9110 §5.1 (names are case-insensitive) and
        // RFC 9113 §8.3 (pseudo-header fields stand for the request line): none changes a rule's verdict
        Props.qt().forAll(CleanTranscripts.valid(), CleanTranscripts.messes()).checkAssert((clean, mess) -> {
            Explanation tidy = explained(clean.crlf().getBytes(StandardCharsets.US_ASCII));
            Explanation messy = explained(CleanTranscripts.messy(clean, mess));
            assertTrue(tidy.passed(), () -> "the clean transcript passes: " + tidy.failures());
            assertEquals(tidy.passed(), messy.passed(), () -> "mess " + mess + ": " + messy.failures());
            assertEquals(verdicts(tidy), verdicts(messy), "mess " + mess);
            assertTrue(messy.checks().stream().anyMatch(c -> c.rule() instanceof TranscriptRule),
                    "mess " + mess + " is named in a note: " + messy.checks());
        });
    }

    @Test
    void aMessyFaultyTranscriptFailsTheSameRulesOnTheSameSide() {
        // RFC 6455 §4.1 (7) / §11.3.1: a second key is a request fault however the file is written, and
        // no expected accept is computed from it (ACCEPT_MATCHES_KEY is not judged, so never a response fault)
        Props.qt().forAll(CleanTranscripts.valid(), CleanTranscripts.messes()).checkAssert((clean, mess) -> {
            List<String> request = new java.util.ArrayList<>(clean.request());
            request.add("Sec-WebSocket-Key: " + java.util.Base64.getEncoder().encodeToString(new byte[16]));
            Explanation e = explained(CleanTranscripts.messy(new CleanTranscripts.Clean(request, clean.response()), mess));
            assertEquals(List.of(HandshakeRule.KEY_PRESENT_ONCE), e.failures().stream().map(RuleCheck::rule).toList());
            assertEquals(List.of(HandshakeRule.KEY_PRESENT_ONCE), e.checks(CheckSide.REQUEST).stream().filter(RuleCheck::failed)
                    .map(RuleCheck::rule).toList());
            RuleCheck accept = e.checksOf(HandshakeRule.ACCEPT_MATCHES_KEY).get(0);
            assertEquals(Outcome.INFO, accept.outcome());
            assertTrue(accept.detail().contains("no expected accept can be computed"), accept.detail());
        });
    }

    @Test
    void garbageIsNotATranscriptOrATypedFaultNeverAnException() {
        // RFC 9112 §2 (what a message is) and DESIGN principle 2: any bytes end in a reading that says
        // why it is no transcript, or in faults each naming its rule — never an exception
        Props.qt().forAll(ByteGens.bytes(0, 400)).checkAssert(bytes -> {
            Transcript.Reading r = Transcript.read(bytes);
            if (r instanceof Transcript.Reading.Invalid inv) {
                assertFalse(inv.detail().isBlank());
            } else {
                Explanation e = TranscriptExplainer.explain((Transcript.Reading.Split) r);
                assertFalse(e.checks().isEmpty());
                e.checks().forEach(c -> assertFalse(c.rule().section().isBlank()));
            }
        });
    }

    @Test
    void garbageWithARequestLineInFrontIsJudgedNotThrown() {
        // RFC 6455 §4.1 / RFC 9112 §3–§5: text that starts like a request is read far enough to judge,
        // and every broken line is a typed fault on the request or response side
        Props.qt().forAll(ByteGens.bytesFrom("abc: \r\n\t:/HTP1.0GETx\u00ff\u0001", 0, 300)).checkAssert(tail -> {
            byte[] head = "POST / HTTP/1.0\n".getBytes(StandardCharsets.US_ASCII);
            byte[] file = new byte[head.length + tail.length];
            System.arraycopy(head, 0, file, 0, head.length);
            System.arraycopy(tail, 0, file, head.length, tail.length);
            Transcript.Reading r = Transcript.read(file);
            if (r instanceof Transcript.Reading.Split split) {
                Explanation e = TranscriptExplainer.explain(split);
                assertFalse(e.passed(), "POST over HTTP/1.0 never passes");
                assertTrue(e.failures().stream().anyMatch(c -> c.rule() == HandshakeRule.METHOD_GET), e.failures().toString());
                assertTrue(e.rules().stream().filter(s -> s.check().failed()).allMatch(s -> s.side() != CheckSide.BOTH));
            } else {
                String why = ((Transcript.Reading.Invalid) r).detail();
                assertTrue(why.contains("no response") || why.contains("binary"), why);
            }
        });
    }
}
