package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wslab.conformance.report.JUnitXmlReport;
import org.wslab.conformance.report.JsonResults;
import org.wslab.conformance.servers.BrokenServer;

/** results.json and JUnit XML of a real run (a server that ignores RSV bits), read back by Jackson and a DOM parser. */
class ReportsTest {
    private static RunSummary run;

    @BeforeAll
    static void runAgainstABrokenServer() throws Exception {
        try (BrokenServer server = new BrokenServer(BrokenServer.Flaw.IGNORES_RSV)) {
            // pingpong.2.3 echoes a payload with a NUL byte: the XML must still be well-formed
            run = new Runner(new Runner.Settings(Duration.ofSeconds(2), 2)).run(server.uri(),
                    Catalogue.standard().select(Selection.parse("framing.1.1.*,pingpong.2.3,rsv.*")), Progress.none());
        }
    }

    @Test
    void resultsJsonHasEveryCaseWithItsVerdictRuleAndDuration(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");
        JsonResults.write(run, file);
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        JsonNode cases = root.get("cases");
        assertEquals(16, cases.size());
        assertFalse(root.get("passed").asBoolean());
        assertEquals(7, root.get("counts").get("FAILED").asInt());
        assertEquals(9, root.get("counts").get("OK").asInt());
        JsonNode rsv = cases.get(cases.size() - 1);
        assertEquals("rsv.3.7", rsv.get("id").asText());
        assertEquals("rsv", rsv.get("category").asText());
        assertEquals("FAILED", rsv.get("verdict").asText());
        assertEquals("RFC 6455 §5.2", rsv.get("section").asText());
        assertTrue(rsv.get("rule").asText().contains("RSV1-3 MUST be 0"), rsv.get("rule").asText());
        assertTrue(rsv.get("durationMillis").asDouble() > 0);
        assertEquals("OK", cases.get(0).get("verdict").asText());
    }

    @Test
    void junitXmlHasATestcasePerCaseAndAFailurePerFailedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("TEST-conformance.xml");
        JUnitXmlReport.write(run, file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("16", suite.getAttribute("tests"));
        assertEquals("7", suite.getAttribute("failures"));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(7, failures.getLength());
        Element first = (Element) failures.item(0);
        assertTrue(first.getAttribute("message").startsWith("RFC 6455 §5.2"), first.getAttribute("message"));
        assertTrue(first.getTextContent().contains("wire:"), "the failure carries the wire log");
        assertEquals("conformance.rsv", ((Element) first.getParentNode()).getAttribute("classname"));
    }
}
