package org.wslab.conformance.junit;

import java.net.URI;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Assertions;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Runner;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.peer.RawPeer;

/**
 * The conformance catalogue as JUnit 5 dynamic tests, one per case, for a {@code @TestFactory}:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> conformance() {
 *     return ConformanceTests.against(URI.create("ws://127.0.0.1:8080/echo"));
 * }
 * }</pre>
 *
 * A case fails its test only when its verdict is {@link Verdict#FAILED}; the message holds the
 * rule, what was expected and observed, and the annotated wire log. Cases run one at a time, each
 * on its own connection, as JUnit reaches them.
 */
public final class ConformanceTests {
    private ConformanceTests() {}

    /** Every case of {@link Catalogue#standard()} against {@code target}, with the runner's default timeout. */
    public static Stream<DynamicTest> against(URI target) {
        return against(target, Selection.all(), Runner.Settings.defaults(), r -> { });
    }

    /**
     * The cases {@code selection} picks, each given {@code settings.caseTimeout()}, every result also
     * handed to {@code results} (to tally verdicts or write a report).
     */
    public static Stream<DynamicTest> against(URI target, Selection selection, Runner.Settings settings,
                                              Consumer<CaseResult> results) {
        return against(Catalogue.standard(), target, selection, settings, results);
    }

    /** {@link #against(URI, Selection, Runner.Settings, Consumer)} for another catalogue, e.g. {@link Catalogue#stomp()}. */
    public static Stream<DynamicTest> against(Catalogue catalogue, URI target, Selection selection, Runner.Settings settings,
                                              Consumer<CaseResult> results) {
        RawPeer.target(target);
        return catalogue.select(selection).stream()
                .map(c -> DynamicTest.dynamicTest(c.id() + " " + c.title(), () -> check(c, target, settings, results)));
    }

    private static void check(ConformanceCase c, URI target, Runner.Settings settings, Consumer<CaseResult> results) {
        CaseResult r = c.play(target, settings.caseTimeout(), settings.tls());
        results.accept(r);
        if (r.verdict() == Verdict.FAILED) {
            Assertions.fail(r.describeWithWire());
        }
    }
}
