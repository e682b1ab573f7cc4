package org.wslab.lab.conformance;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.Runner;
import org.wslab.conformance.Selection;
import org.wslab.conformance.junit.ConformanceTests;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;

/**
 * The STOMP catalogue ({@code stomp.*}, STOMP 1.0/1.1/1.2 over WebSocket) against
 * {@code wslab serve}'s {@code /websocket/app} on both engines: one dynamic test per case and
 * engine, failing only on FAILED. The servers' heart-beat is {@code 250,250} instead of the
 * default {@code 10000,10000}, so that the heart-beat cases are judged within their 3 s (with
 * the default they are UNIMPLEMENTED: the interval is longer than a case may wait).
 */
class LabStompConformanceTest {
    private static BothEngines servers;

    @BeforeAll
    static void start() throws Exception {
        servers = BothEngines.start(LabServerConfig.defaults()
                .withStomp(StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(250, 250))));
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @TestFactory
    Stream<DynamicContainer> everyStompCaseOnBothEngines() {
        Runner.Settings settings = Runner.Settings.defaults().withCaseTimeout(Duration.ofSeconds(3));
        return servers.each(server -> ConformanceTests.against(Catalogue.stomp(), server.webSocketUri(LabEndpoint.stomp()),
                Selection.all(), settings, r -> System.out.println(server.engine().cliName() + " " + r.id() + " "
                        + r.verdict() + " — " + r.observed())));
    }
}
