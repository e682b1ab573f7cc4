package org.wslab.lab.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.Runner;
import org.wslab.conformance.Selection;
import org.wslab.conformance.cases.DeflateCases;
import org.wslab.conformance.junit.ConformanceTests;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServerConfig;

/**
 * The conformance catalogue (RFC 6455 §5, §7, §8.1, RFC 7692; all but its limits category and most of
 * its deflate one) against {@code wslab serve}'s echo endpoint on both engines, as any project would
 * run it inside {@code mvn test}: one dynamic test per case and engine, failing only on a FAILED
 * verdict (its rule, expected, observed and wire log in the message). The NON_STRICT, INFORMATIONAL
 * and UNIMPLEMENTED cases of each engine are listed in the conformance module's README.
 */
class LabConformanceTest {
    /**
     * Every category but limits and performance (9.x: up to 16 MiB per case) and deflate (12.x, 13.x: 1000
     * messages of up to 128 KiB per case), of which only the representative deflate cases run; the conformance
     * module's own tests run them all against both engines with the time such messages need. Both engines
     * negotiate with the handshake module (the Jetty one through {@code JettyHandshakeGuard}), so plain Jetty's
     * fault with server_max_window_bits (see the conformance README) does not show here.
     */
    static Selection selection() {
        List<String> in = new ArrayList<>();
        for (String category : Catalogue.standard().countsByCategory().keySet()) {
            if (!category.equals("limits") && !category.equals("deflate")) {
                in.add(category + ".*");
            }
        }
        in.addAll(DeflateCases.REPRESENTATIVE);
        return new Selection(in, List.of());
    }

    /** Each engine's results, for the tally printed at the end (the README's table). */
    private static final Map<String, List<CaseResult>> RESULTS = new ConcurrentHashMap<>();
    private static BothEngines servers;

    @BeforeAll
    static void start() throws Exception {
        servers = BothEngines.start(LabServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        RESULTS.forEach((engine, results) -> System.out.println("conformance of the lab's " + engine + " engine: "
                + results.size() + " cases " + results.stream().collect(Collectors.groupingBy(
                        r -> r.id().category() + " " + r.verdict(), TreeMap::new, Collectors.counting()))));
        servers.close();
    }

    @TestFactory
    Stream<DynamicContainer> everyCaseOnBothEngines() {
        Runner.Settings settings = Runner.Settings.defaults().withCaseTimeout(Duration.ofSeconds(3));
        return servers.each(server -> ConformanceTests.against(server.webSocketUri(LabEndpoint.echo()), selection(),
                settings, RESULTS.computeIfAbsent(server.engine().cliName(), e -> new CopyOnWriteArrayList<>())::add));
    }
}
