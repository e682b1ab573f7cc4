package org.wslab.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wslab.conformance.junit.ConformanceTests;
import org.wslab.conformance.servers.JettyEcho;

/**
 * Every case ({@link DefaultRun}'s selection) against a real embedded Jetty 12 echo server: none may FAIL,
 * but for the handshake category, whose departures {@link HandshakeConformanceTest} pins one by one, and
 * {@link JettyEcho#DEFLATE_DEVIATIONS}, pinned in {@code DeflateCasesTest}.
 */
class JettyConformanceTest {
    private static JettyEcho jetty;
    private static final List<CaseResult> RESULTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        jetty = new JettyEcho();
    }

    @AfterAll
    static void stop() throws Exception {
        Tally.print("Jetty 12", RESULTS);
        jetty.close();
    }

    @TestFactory
    Stream<DynamicTest> jettyConforms() {
        Selection run = DefaultRun.selectionWithout("handshake");
        List<String> out = new ArrayList<>(run.excludes());
        out.addAll(JettyEcho.DEFLATE_DEVIATIONS);
        return ConformanceTests.against(jetty.uri(), new Selection(run.includes(), out),
                DefaultRun.settings(Runner.Settings.defaults().withCaseTimeout(Duration.ofSeconds(3))), RESULTS::add);
    }
}
