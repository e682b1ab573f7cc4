package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The runner against a server that accepts TCP and never answers: every case ends FAILED at its timeout, none hangs. */
class RunnerTest {
    @Test
    void aSilentServerFailsEveryCaseAtItsTimeoutAndProgressSeesEachOnce() throws Exception {
        Set<Socket> held = ConcurrentHashMap.newKeySet();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept()); // accepted, never read, never answered
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI uri = URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
            List<ConformanceCase> cases = Catalogue.standard().select(Selection.parse("rsv.*"));
            List<Integer> done = new CopyOnWriteArrayList<>();
            RunSummary run = new Runner(new Runner.Settings(Duration.ofMillis(300), 3))
                    .run(uri, cases, (r, n, total) -> {
                        assertEquals(7, total);
                        done.add(n);
                    });
            assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7), new TreeSet<>(done));
            assertEquals(7, run.results().size());
            assertFalse(run.passed());
            assertEquals(7, run.counts().get(Verdict.FAILED));
            for (CaseResult r : run.results()) {
                assertTrue(r.observed().startsWith("the opening handshake failed"), r.observed());
            }
            assertEquals("rsv.3.1", run.results().get(0).id().value());
            assertTrue(run.line().contains("FAILED 7"), run.line());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    // RFC 6455 §3: only a ws:// or wss:// URI is a target, anything else refused before any case runs
    @Test
    void aTargetThatIsNotAWsUrlIsRefusedUpFront() {
        Runner runner = new Runner(Runner.Settings.defaults());
        IllegalArgumentException http = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> runner.run(URI.create("http://127.0.0.1:1/"), Catalogue.standard().cases(), Progress.none()));
        assertTrue(http.getMessage().contains("scheme must be ws or wss"), http.getMessage());
    }

    @Test
    void settingsRefuseNonsense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Runner.Settings.defaults().withParallelism(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Runner.Settings.defaults().withCaseTimeout(Duration.ZERO));
    }
}
