package org.wslab.conformance.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Progress;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Runner;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.servers.StompServer;
import org.wslab.conformance.servers.StompServer.Fault;
import org.wslab.stomp.codec.StompCommand;

/**
 * The STOMP catalogue against a conforming STOMP server (the stomp module's session on our engine):
 * nothing FAILED; and against the same server broken in one known way at a time: exactly the cases
 * covering that rule are judged FAILED, no other.
 */
class StompCatalogueTest {
    private static final Runner RUNNER = new Runner(new Runner.Settings(Duration.ofSeconds(3), 8));
    private static final List<ConformanceCase> CASES = Catalogue.stomp().cases();

    @Test
    void theCatalogueHasAtLeastSixtyDescribedCasesInThirteenGroupsOutsideTheStandardOne() {
        assertTrue(CASES.size() >= 60, CASES.size() + " cases");
        Set<String> groups = CASES.stream().map(c -> c.id().section().split("\\.")[0]).collect(Collectors.toSet());
        assertEquals(13, groups.size(), groups.toString());
        assertTrue(CASES.stream().allMatch(c -> c.rule().section().startsWith("STOMP 1.") || c.rule().section().startsWith("RFC 6455")));
        assertTrue(CASES.stream().allMatch(c -> !c.title().isBlank() && !c.rule().statement().isBlank() && !c.script().sends().isBlank()
                && !c.script().expects().isBlank()), "every case says what it sends and expects");
        assertTrue(Catalogue.standard().cases().stream().noneMatch(c -> c.id().value().startsWith("stomp.")),
                "the STOMP cases are not played against an echo endpoint");
    }

    @Test
    void aConformingServerFailsNothing() throws Exception {
        Map<String, Verdict> failed = new TreeMap<>();
        for (CaseResult r : run()) {
            if (r.judged() == Verdict.FAILED || r.verdict() == Verdict.FAILED) {
                failed.put(r.id().value(), r.verdict());
                System.out.println(r.describe());
            }
        }
        assertEquals(Map.of(), failed);
    }

    // STOMP 1.1/1.2 "Value Encoding": MESSAGE headers written raw — exactly the 1.1/1.2 cases whose MESSAGE
    // carries an LF, CR, colon or backslash (1.0 has no escapes, a RECEIPT is still escaped)
    @Test
    void aServerThatDoesNotEscapeFailsTheEscapingCases() throws Exception {
        assertEquals(ids("stomp.3.2", "stomp.3.3", "stomp.3.4", "stomp.3.5"), judgedFailed(Fault.MIS_ESCAPES));
    }

    // STOMP 1.2 "Heart-beating": a server that never beats fails the cases that watch its beats
    @Test
    void aServerThatNeverBeatsFailsTheServerBeatCases() throws Exception {
        assertEquals(ids("stomp.6.1", "stomp.6.2"), judgedFailed(Fault.NO_HEART_BEATS));
    }

    // both faults in one server: the FAILED cases are exactly the escaping ones and the server-beat ones
    @Test
    void aServerThatMisEscapesAndNeverBeatsFailsExactlyTheCasesOfBothFaults() throws Exception {
        Set<String> both = ids("stomp.3.2", "stomp.3.3", "stomp.3.4", "stomp.3.5", "stomp.6.1", "stomp.6.2");
        assertEquals(both, judgedFailed(Fault.MIS_ESCAPES, Fault.NO_HEART_BEATS));
    }

    // STOMP 1.2 "Header receipt": a server that sends no RECEIPT fails every case that waits for one
    @Test
    void aServerWithoutReceiptsFailsEveryCaseExpectingOne() throws Exception {
        Set<String> expected = CASES.stream().filter(c -> expectsReceipt(((StompScript) c.script()).steps()))
                .map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() > 30 && expected.contains("stomp.8.1") && expected.contains("stomp.11.5"), expected.toString());
        assertEquals(expected, judgedFailed(Fault.NO_RECEIPTS));
    }

    // STOMP 1.2 "STOMP Frames": a frame is octets, in a text or a binary message; a server that drops binary
    // messages fails the cases that send a frame in one: a binary body, a CONNECT, SUBSCRIBE and SEND (the header
    // that is not UTF-8, stomp.12.11, is only ignored: NON_STRICT, STOMP makes ERROR a MAY)
    @Test
    void aServerThatDropsBinaryMessagesFailsTheCasesSendingThem() throws Exception {
        assertEquals(ids("stomp.4.9", "stomp.5.10", "stomp.5.11"), judgedFailed(Fault.TEXT_ONLY));
    }

    // RFC 6455 §5.6, §8.1: a text message is UTF-8, so a binary body sent in one is a broken message (1007), and
    // only the case whose MESSAGE carries a body that is not UTF-8 sees it
    @Test
    void aServerThatSendsABinaryBodyAsTextFailsTheBinaryBodyCase() throws Exception {
        List<CaseResult> results = run(Fault.ALL_AS_TEXT);
        Set<String> failed = results.stream().filter(r -> r.judged() == Verdict.FAILED).map(r -> r.id().value())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ids("stomp.4.9"), failed);
        String observed = results.stream().filter(r -> r.id().value().equals("stomp.4.9")).findFirst().orElseThrow().observed();
        assertTrue(observed.contains("§8.1") || observed.contains("UTF-8"), observed);
    }

    // STOMP 1.2 "Header content-length": a body is octets; one turned into a string and back (0x80-0xFF each become
    // U+FFFD, EF BF BD) is valid text but not what was sent, caught at its first changed octet
    @Test
    void aServerThatPassesABodyThroughAStringFailsTheBinaryBodyCase() throws Exception {
        List<CaseResult> results = run(Fault.BODY_AS_STRING);
        assertEquals(ids("stomp.4.9"), results.stream().filter(r -> r.judged() == Verdict.FAILED).map(r -> r.id().value())
                .collect(Collectors.toCollection(TreeSet::new)));
        String observed = results.stream().filter(r -> r.id().value().equals("stomp.4.9")).findFirst().orElseThrow().observed();
        assertTrue(observed.contains("body of 512 octets differs from the 256 expected at octet 128: 0xef for 0x80"), observed);
    }

    private static boolean expectsReceipt(List<Step> steps) {
        return steps.stream().anyMatch(s -> s instanceof Expect e && e.command() == StompCommand.RECEIPT
                || s instanceof Step.AnyOrder a && a.expected().stream().anyMatch(e -> e.command() == StompCommand.RECEIPT));
    }

    private static List<CaseResult> run(Fault... faults) throws Exception {
        try (StompServer server = new StompServer(faults)) {
            RunSummary run = RUNNER.run(server.uri(), CASES, Progress.none());
            return run.results();
        }
    }

    private static Set<String> judgedFailed(Fault... faults) throws Exception {
        return run(faults).stream().filter(r -> r.judged() == Verdict.FAILED).map(r -> r.id().value())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ids(String... ids) {
        return new TreeSet<>(List.of(ids));
    }
}
