package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue as data: Autobahn's counts per category, ids in order, every case citing its RFC section; selections. */
class CatalogueTest {
    private final Catalogue catalogue = Catalogue.standard();

    // Autobahn: 1.x 16, 2.x 11, 3.x 7, 4.x 10, 5.x 20, 7.x 37, 9.x 54, 10.x 1, 12.x 90, 13.x 126 (6.x has 145: ours is a part, see Utf8Cases);
    // the handshake (0.x) has no Autobahn counterpart
    @Test
    void eachCategoryHoldsAtLeastAutobahnsCountExceptUtf8WhichIsAPart() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("handshake", 61);
        expected.put("framing", 16);
        expected.put("pingpong", 11);
        expected.put("rsv", 7);
        expected.put("opcodes", 10);
        expected.put("fragmentation", 20);
        expected.put("utf8", 168);
        expected.put("close", 41);
        expected.put("limits", 54);
        expected.put("misc", 1);
        expected.put("deflate", 216);
        expected.put("h2", 18);
        assertEquals(expected, catalogue.countsByCategory());
        assertTrue(catalogue.countsByCategory().get("utf8") >= 145, "Autobahn 6.x holds 145");
        assertTrue(catalogue.countsByCategory().get("limits") >= 54, "Autobahn 9.x holds 54");
    }

    @Test
    void idsAreInAutobahnOrderAndEveryCaseCitesItsSection() {
        List<ConformanceCase> cases = catalogue.cases();
        for (int i = 1; i < cases.size(); i++) {
            assertTrue(cases.get(i - 1).id().compareTo(cases.get(i).id()) < 0, cases.get(i).id().value());
        }
        assertEquals("handshake.0.1.1", cases.get(0).id().value()); // the handshake sorts first (0), as on the wire
        assertEquals("h2.8441.5.16", cases.get(cases.size() - 1).id().value()); // RFC 8441's after Autobahn's 13.x
        for (ConformanceCase c : cases) {
            assertTrue(c.rule().section().matches("RFC (6455|7692|8441|9110|9112) §.+"), c.id() + " cites " + c.rule().section());
            assertFalse(c.sends().isBlank(), c.id().value());
            assertFalse(c.expects().isBlank(), c.id().value());
        }
    }

    // Autobahn 12.x: five payloads × 18 sizes; 13.x: seven offers × 18; both subsets name real cases
    @Test
    void deflateHoldsAutobahnsTwelveAndThirteenAndItsSubsetsNameRealCases() {
        assertEquals(90, catalogue.select(Selection.parse("deflate.12.*")).size());
        assertEquals(126, catalogue.select(Selection.parse("deflate.13.*")).size());
        assertEquals(18, catalogue.select(Selection.parse("deflate.13.7.*")).size());
        assertEquals(org.wslab.conformance.cases.DeflateCases.REPRESENTATIVE.size(),
                catalogue.select(org.wslab.conformance.cases.DeflateCases.representative()).size());
        assertEquals(org.wslab.conformance.cases.LimitsCases.REPRESENTATIVE.size(),
                catalogue.select(org.wslab.conformance.cases.LimitsCases.representative()).size());
    }

    @Test
    void aSelectionIncludesAndExcludesByGlob() {
        assertEquals(16, catalogue.select(Selection.parse("framing.*")).size());
        assertEquals(8, catalogue.select(Selection.parse("framing.*, !framing.1.2.*")).size());
        assertEquals(10, catalogue.select(Selection.parse("close.7.9.*")).size());
        assertEquals(9, catalogue.select(Selection.parse("close.7.9.?")).size());
        assertEquals(catalogue.cases().size(), catalogue.select(Selection.parse("")).size());
        assertEquals(catalogue.cases().size() - 7, catalogue.select(Selection.parse("-rsv.*")).size());
    }

    @Test
    void malformedIdsAndPatternsAreRefusedWithTheirShape() {
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> new CaseId("Framing.1"));
        assertTrue(id.getMessage().contains("category.n"), id.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CaseId("framing"));
        IllegalArgumentException glob = assertThrows(IllegalArgumentException.class, () -> Selection.parse("framing.[12]"));
        assertTrue(glob.getMessage().contains("glob"), glob.getMessage());
    }

    @Test
    void strictnessCapsTheJudgedVerdict() {
        assertEquals(Verdict.FAILED, Strictness.MUST.cap(Verdict.FAILED));
        assertEquals(Verdict.NON_STRICT, Strictness.SHOULD.cap(Verdict.FAILED));
        assertEquals(Verdict.OK, Strictness.SHOULD.cap(Verdict.OK));
        assertEquals(Verdict.INFORMATIONAL, Strictness.INFORMATIONAL.cap(Verdict.OK));
        assertEquals(Verdict.INFORMATIONAL, Strictness.INFORMATIONAL.cap(Verdict.FAILED));
    }

    @Test
    void aCaseOfManyFramesGetsTimeForThemOnTopOfTheRunsTimeout() {
        Duration given = Duration.ofSeconds(5);
        // 9.3.1: 65,536 frames of 64 bytes, a second per 8,192 frames more; 1.1.1: one frame, no more
        assertEquals(Duration.ofSeconds(13), catalogue.find(new CaseId("limits.9.3.1")).orElseThrow().script().timeout(given));
        assertEquals(given, catalogue.find(new CaseId("framing.1.1.1")).orElseThrow().script().timeout(given));
    }
}
