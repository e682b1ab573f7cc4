package org.wslab.conformance.junit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.Runner;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.servers.BrokenServer;

/** The JUnit entry point: one dynamic test per case, failing exactly when the case is FAILED, with the evidence. */
class ConformanceTestsTest {
    @Test
    void aFailedCaseFailsItsDynamicTestWithTheRuleAndTheWireLog() throws Exception {
        List<CaseResult> seen = new CopyOnWriteArrayList<>();
        try (BrokenServer server = new BrokenServer(BrokenServer.Flaw.IGNORES_RSV)) {
            List<DynamicTest> tests = ConformanceTests.against(server.uri(), Selection.parse("framing.1.1.1,rsv.3.1"),
                    Runner.Settings.defaults().withCaseTimeout(Duration.ofSeconds(2)), seen::add).toList();
            assertEquals(2, tests.size());
            assertTrue(tests.get(0).getDisplayName().startsWith("framing.1.1.1 "), tests.get(0).getDisplayName());
            assertDoesNotThrow(() -> tests.get(0).getExecutable().execute());
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> tests.get(1).getExecutable().execute());
            assertTrue(e.getMessage().contains("RFC 6455 §5.2"), e.getMessage());
            assertTrue(e.getMessage().contains("RSV=001"), "the wire log labels the echoed frame: " + e.getMessage());
        }
        assertEquals(List.of(Verdict.OK, Verdict.FAILED), seen.stream().map(CaseResult::verdict).toList());
    }
}
