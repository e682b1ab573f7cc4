package org.wslab.lab.conformance;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.wslab.conformance.Runner;
import org.wslab.conformance.Selection;
import org.wslab.conformance.junit.ConformanceTests;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServerConfig;

/**
 * The conformance catalogue (RFC 6455 §5, §7, §8.1; all but its limits category) against {@code wslab serve}'s echo
 * endpoint on both engines, as any project would run it inside {@code mvn test}: one dynamic
 * test per case and engine, failing only on a FAILED verdict (its rule, expected, observed and
 * wire log in the message). The NON_STRICT and INFORMATIONAL cases of each engine are listed in
 * the conformance module's README.
 */
class LabConformanceTest {
    /**
     * Every category but limits and performance (9.x: up to 16 MiB per case), which the conformance
     * module's own tests run against both engines with the time such messages need.
     */
    static final Selection EVERY_BUT_LIMITS = Selection.parse("*,!limits.*");

    private static BothEngines servers;

    @BeforeAll
    static void start() throws Exception {
        servers = BothEngines.start(LabServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @TestFactory
    Stream<DynamicContainer> everyCaseOnBothEngines() {
        Runner.Settings settings = Runner.Settings.defaults().withCaseTimeout(Duration.ofSeconds(3));
        return servers.each(server -> ConformanceTests.against(server.webSocketUri(LabEndpoint.echo()), EVERY_BUT_LIMITS,
                settings, r -> { }));
    }
}
