package org.wslab.conformance;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.wslab.conformance.clients.EchoClient;
import org.wslab.conformance.serve.ClientCases;
import org.wslab.conformance.serve.ClientModeServer;

/** Plays client-mode cases against an echo client on port 0: the client connects once per case. */
final class ClientRuns {
    /** A run's limit: every case of the default run, a few of them waiting out their timeout. */
    static final Duration RUN_LIMIT = Duration.ofMinutes(4);

    private ClientRuns() {}

    /** The default run's cases ({@link DefaultRun}) in client mode, plus the client-only ones. */
    static List<ConformanceCase> cases() {
        List<String> in = new ArrayList<>(DefaultRun.selection().includes());
        if (!in.isEmpty()) {
            in.add("client.*");
        }
        return ClientCases.select(new Selection(in, List.of()));
    }

    /** Plays {@code cases} against {@code client}, {@code caseTimeout} each, and answers the summary once every case has a result. */
    static RunSummary play(EchoClient client, List<ConformanceCase> cases, Duration caseTimeout) throws Exception {
        ClientModeServer.Settings settings = ClientModeServer.Settings.defaults().withCaseTimeout(caseTimeout);
        ExecutorService driver = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "echo-client");
            t.setDaemon(true);
            return t;
        });
        try (ClientModeServer server = ClientModeServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                cases, settings, Progress.none())) {
            Future<?> running = driver.submit(() -> {
                client.run(server.uri(), cases.size(), caseTimeout.toMillis());
                return null;
            });
            RunSummary run = server.await(RUN_LIMIT);
            running.get(30, TimeUnit.SECONDS); // the client ends once its last case has
            return run;
        } finally {
            driver.shutdownNow();
        }
    }
}
