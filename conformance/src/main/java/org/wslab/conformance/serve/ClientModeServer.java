package org.wslab.conformance.serve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Progress;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.peer.AcceptedPeer;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;

/**
 * The conformance checker turned round, as Autobahn|Testsuite's "fuzzingserver": a server that
 * plays cases against each WebSocket client that connects (an echo client, RFC 6455 §4.1 then
 * every message echoed) and judges the client. A connection to {@code /} (or any path but those
 * below) plays the next case not yet handed out; {@code /case/<id>} plays that case (again, if it
 * was played); a plain GET of {@code /cases} lists the case ids. The run is over when every case
 * has a result, when {@link #await}'s time is up, or on {@link #stop()}: its {@link RunSummary} holds
 * the results so far, in id order. At most {@link Settings#connections()} connections are served at
 * once, the others wait in the listen backlog; each case is bounded by its timeout.
 */
public final class ClientModeServer implements AutoCloseable {
    /** The path prefix that names a case. */
    public static final String CASE_PATH = "/case/";
    /** The path that lists the cases. */
    public static final String LIST_PATH = "/cases";

    /**
     * How the server plays.
     *
     * @param caseTimeout longest a case waits for the client (default 5 s)
     * @param linger      how long, after the closing handshake, the client is given to close TCP before the server does (§7.1.1)
     * @param connections connections served at once (1..64, default 4)
     * @param tls         when present, the server speaks TLS with this context's key ({@code wss://}, RFC 6455
     *                    §4.1 (5)); empty: plain TCP
     */
    public record Settings(Duration caseTimeout, Duration linger, int connections, Optional<SSLContext> tls) {
        public Settings {
            Objects.requireNonNull(tls, "tls");
            if (caseTimeout.isNegative() || caseTimeout.isZero() || linger.isNegative()) {
                throw new IllegalArgumentException("the case timeout must be positive and the linger not negative");
            }
            if (connections < 1 || connections > 64) {
                throw new IllegalArgumentException("connections is 1..64: " + connections);
            }
        }

        /** Plain TCP. */
        public Settings(Duration caseTimeout, Duration linger, int connections) {
            this(caseTimeout, linger, connections, Optional.empty());
        }

        /** 5 s per case, 100 ms of linger, 4 connections at once, plain TCP. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofMillis(100), 4);
        }

        /** These settings with another case timeout. */
        public Settings withCaseTimeout(Duration t) {
            return new Settings(t, linger, connections, tls);
        }

        /** These settings, the server speaking TLS with {@code context}'s key and certificate. */
        public Settings withTls(SSLContext context) {
            return new Settings(caseTimeout, linger, connections, Optional.of(context));
        }
    }

    private final List<ConformanceCase> cases;
    private final Settings settings;
    private final Progress progress;
    private final ServerSocket listener;
    private final WebSocketUri served;
    private final Map<CaseId, CaseResult> results = new ConcurrentHashMap<>();
    private final AtomicInteger handedOut = new AtomicInteger();
    private final CountDownLatch over = new CountDownLatch(1);
    private final Semaphore slots;
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final long started = System.nanoTime();

    private ClientModeServer(List<ConformanceCase> cases, Settings settings, Progress progress, ServerSocket listener) {
        this.cases = List.copyOf(cases);
        this.settings = settings;
        this.progress = progress;
        this.listener = listener;
        this.slots = new Semaphore(settings.connections());
        this.workers = Executors.newFixedThreadPool(settings.connections(), daemon("conformance-client-case"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("conformance-client-watchdog"));
        String host = listener.getInetAddress().isAnyLocalAddress() ? "127.0.0.1"
                : listener.getInetAddress().getHostAddress();
        this.served = ((WebSocketUri.Parse.Valid) WebSocketUri.parse((settings.tls().isPresent() ? "wss://" : "ws://")
                + (host.contains(":") ? "[" + host + "]" : host)
                + ":" + listener.getLocalPort() + "/")).uri();
    }

    /**
     * Listens on {@code bind} (port 0 picks one) and serves {@code cases}, telling {@code progress}
     * of each result.
     *
     * @throws IllegalArgumentException when {@code cases} is empty
     * @throws IOException              when the port cannot be bound
     */
    public static ClientModeServer start(InetSocketAddress bind, List<ConformanceCase> cases, Settings settings,
                                         Progress progress) throws IOException {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no case to play");
        }
        ServerSocket listener = settings.tls().isPresent()
                ? settings.tls().get().getServerSocketFactory().createServerSocket() // TLS per connection, on its worker
                : new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(bind, 64);
        ClientModeServer server = new ClientModeServer(cases, settings, progress, listener);
        Thread accept = daemon("conformance-client-accept").newThread(server::acceptLoop);
        accept.start();
        return server;
    }

    /** The URL to point the client at, {@code ws://HOST:PORT/} (or {@code wss://} with TLS). */
    public URI uri() {
        return URI.create(served.toString());
    }

    /** The port listened on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The cases played, in id order. */
    public List<ConformanceCase> cases() {
        return cases;
    }

    /**
     * Waits until every case has a result, {@code limit} has passed, or {@link #stop()} was called,
     * and answers the results so far.
     */
    public RunSummary await(Duration limit) throws InterruptedException {
        over.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        return summary();
    }

    /** The results so far, in id order. */
    public RunSummary summary() {
        List<CaseResult> rs = results.values().stream().sorted(Comparator.comparing(CaseResult::id)).toList();
        return new RunSummary(uri(), rs, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Ends the run now (Ctrl-C): {@link #await} returns the results so far. */
    public void stop() {
        over.countDown();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                slots.acquire();
                Socket s = listener.accept();
                workers.execute(() -> {
                    try {
                        serve(s);
                    } finally {
                        slots.release();
                    }
                });
            } catch (IOException | InterruptedException e) {
                slots.release();
                return; // closed
            } catch (java.util.concurrent.RejectedExecutionException e) {
                slots.release();
                return;
            }
        }
    }

    private void serve(Socket s) {
        long start = System.nanoTime();
        AcceptedPeer peer = null;
        try (s) {
            AcceptedPeer.Accepted accepted = AcceptedPeer.accept(s, served, settings.caseTimeout(), settings.linger());
            peer = accepted.peer();
            ScheduledFuture<?> guard = watchdog.schedule(peer::abort, settings.caseTimeout().toMillis() + 1000,
                    TimeUnit.MILLISECONDS);
            try {
                route(accepted, start);
            } finally {
                guard.cancel(false);
            }
        } catch (IOException e) {
            // the client went away before its case could be chosen: nothing to judge
        } finally {
            if (peer != null) {
                peer.close();
            }
        }
    }

    private void route(AcceptedPeer.Accepted accepted, long start) throws IOException {
        AcceptedPeer peer = accepted.peer();
        if (!(accepted.head() instanceof ParseResult.Parsed<RequestHead> p)) {
            peer.respond(400, "Bad Request", "not an HTTP request: " + accepted.head() + "\n");
            return; // which case it was for is unknown: no result
        }
        String path = p.head().parsedTarget().resourceName();
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.equals(LIST_PATH)) {
            StringBuilder b = new StringBuilder();
            cases.forEach(c -> b.append(c.id()).append("  ").append(c.title()).append('\n'));
            peer.respond(200, "OK", b.toString());
            return;
        }
        Optional<ConformanceCase> c = path.startsWith(CASE_PATH) ? named(path.substring(CASE_PATH.length())) : next();
        if (c.isEmpty()) {
            peer.respond(404, "Not Found", path.startsWith(CASE_PATH)
                    ? "no case " + path.substring(CASE_PATH.length()) + " in this run; GET " + LIST_PATH + " lists them\n"
                    : "every case has been handed out; connect to " + CASE_PATH + "<id> to play one again\n");
            return;
        }
        ConformanceCase theCase = c.get();
        if (theCase.id().equals(ClientCases.TCP_WAIT)) {
            peer.linger(ClientCases.TCP_WAIT_LINGER);
        }
        peer.log().note("case " + theCase.id() + ": " + theCase.title());
        record(ClientCasePlay.play(theCase, peer, settings.caseTimeout(), start));
    }

    private Optional<ConformanceCase> named(String id) {
        return cases.stream().filter(c -> c.id().value().equals(id)).findFirst();
    }

    private Optional<ConformanceCase> next() {
        int i = handedOut.getAndIncrement();
        return i < cases.size() ? Optional.of(cases.get(i)) : Optional.empty();
    }

    private void record(CaseResult r) {
        results.put(r.id(), r);
        int done = results.size();
        progress.finished(r, done, cases.size());
        if (done >= cases.size()) {
            over.countDown();
        }
    }

    /** Stops listening and ends the connections in play. */
    @Override
    public void close() {
        over.countDown();
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        workers.shutdownNow();
        watchdog.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
