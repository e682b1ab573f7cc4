package org.wslab.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.framing.tls.ClientTls;

/**
 * Plays cases against one server: each on its own connection within a per-case timeout, up to
 * {@code parallelism} at a time, telling {@link Progress} as each finishes, and answers a
 * {@link RunSummary} in case-id order.
 */
public final class Runner {
    /**
     * How a run goes.
     *
     * @param caseTimeout longest a case waits for the server (default 5 s); a silent server costs this per case
     * @param parallelism cases in flight at once (default 1; 1..64)
     * @param tls         the TLS of a {@code wss://} target (whom to trust, versions; RFC 6455 §4.1 (5)); empty:
     *                    the system's trust store, the host name checked
     */
    public record Settings(Duration caseTimeout, int parallelism, Optional<ClientTls> tls) {
        /** The most cases in flight at once. */
        public static final int MAX_PARALLELISM = 64;

        public Settings {
            Objects.requireNonNull(tls, "tls");
            if (caseTimeout.isNegative() || caseTimeout.isZero()) {
                throw new IllegalArgumentException("the case timeout must be positive: " + caseTimeout);
            }
            if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
                throw new IllegalArgumentException("parallelism is 1.." + MAX_PARALLELISM + ": " + parallelism);
            }
        }

        /** {@code caseTimeout} and {@code parallelism}, a {@code wss://} target trusted as the system trusts it. */
        public Settings(Duration caseTimeout, int parallelism) {
            this(caseTimeout, parallelism, Optional.empty());
        }

        /** 5 s per case, one case at a time. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), 1);
        }

        /** These settings with another case timeout. */
        public Settings withCaseTimeout(Duration t) {
            return new Settings(t, parallelism, tls);
        }

        /** These settings with another parallelism. */
        public Settings withParallelism(int n) {
            return new Settings(caseTimeout, n, tls);
        }

        /** These settings with the TLS of a {@code wss://} target. */
        public Settings withTls(ClientTls t) {
            return new Settings(caseTimeout, parallelism, Optional.of(t));
        }
    }

    private final Settings settings;

    /** A runner with {@code settings}. */
    public Runner(Settings settings) {
        this.settings = settings;
    }

    /**
     * Plays {@code cases} against {@code target}.
     *
     * @throws IllegalArgumentException when {@code target} is not a {@code ws://} URL, before any case runs
     */
    public RunSummary run(URI target, List<ConformanceCase> cases, Progress progress) {
        RawPeer.target(target);
        long start = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism(), r -> {
            Thread t = new Thread(r, "conformance-case");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (ConformanceCase c : cases) {
                futures.add(pool.submit(() -> {
                    CaseResult r = c.play(target, settings.caseTimeout(), settings.tls());
                    progress.finished(r, done.incrementAndGet(), cases.size());
                    return r;
                }));
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> f : futures) {
                results.add(f.get());
            }
            results.sort(Comparator.comparing(CaseResult::id));
            return new RunSummary(target, results, Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a case threw instead of answering a verdict", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
