package org.wslab.conformance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wslab.conformance.junit.ConformanceTests;
import org.wslab.conformance.servers.EngineEcho;

/** Every case ({@link DefaultRun}'s selection) against our own engine's echo server (framing's NIO transport): none may FAIL. */
class EngineConformanceTest {
    private static EngineEcho engine;
    private static final List<CaseResult> RESULTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        engine = new EngineEcho();
    }

    @AfterAll
    static void stop() {
        Tally.print("our engine", RESULTS);
        engine.close();
    }

    @TestFactory
    Stream<DynamicTest> engineConforms() {
        return ConformanceTests.against(engine.uri(), DefaultRun.selection(),
                DefaultRun.settings(Runner.Settings.defaults().withCaseTimeout(Duration.ofSeconds(3))), RESULTS::add);
    }
}
