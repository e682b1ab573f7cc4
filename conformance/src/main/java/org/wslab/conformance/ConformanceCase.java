package org.wslab.conformance;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.wslab.framing.tls.ClientTls;

/**
 * One conformance case, as data: the rule it tests and where it is written, how it is played
 * and what a conforming server does (its {@link Script}), and how strict the rule is.
 * {@link #play} runs it against a server on a fresh connection ({@link Dial}).
 *
 * @param id         the dotted id, e.g. {@code rsv.3.2}
 * @param title      a line on what it does
 * @param rule       the rule tested and its section
 * @param script     how it is played and judged
 * @param strictness how a breach is judged
 */
public record ConformanceCase(CaseId id, String title, Rule rule, Script script, Strictness strictness) {
    /** Time given to overrun writes (to a server that stopped reading) before the socket is closed under them. */
    static final Duration WATCHDOG_GRACE = Duration.ofSeconds(1);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "conformance-watchdog");
        t.setDaemon(true);
        return t;
    });

    public ConformanceCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(strictness, "strictness");
    }

    /** A case of frames: {@code actions} after the standard opening handshake, judged against {@code expectation}. */
    public ConformanceCase(CaseId id, String title, Rule rule, List<Action> actions, Expectation expectation,
                           Strictness strictness) {
        this(id, title, rule, new FrameScript(actions, expectation), strictness);
    }

    /** The category, the first part of the id. */
    public String category() {
        return id.category();
    }

    /** What the case sends, in words. */
    public String sends() {
        return script.sends();
    }

    /** What a conforming server does, in words. */
    public String expects() {
        return script.expects();
    }

    /**
     * Plays the case against the server at {@code target} on a new connection, taking at most
     * {@code given} to judge (or more when its script needs it, {@link Script#timeout}; a write
     * the server never reads is cut off a little later), and answers the verdict capped by
     * {@link #strictness}. Never throws for anything the server does.
     */
    public CaseResult play(URI target, Duration given) {
        return play(target, given, Optional.empty());
    }

    /**
     * {@link #play(URI, Duration)}, a {@code wss://} target reached with {@code tls} (empty: the
     * system's trust store); a TLS handshake that fails is FAILED, as a connection that cannot open.
     */
    public CaseResult play(URI target, Duration given, Optional<ClientTls> tls) {
        Duration timeout = script.timeout(given);
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Dial dial = new Dial(target, timeout, tls);
        ScheduledFuture<?> guard = WATCHDOG.schedule(dial::abort, timeout.plus(WATCHDOG_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        try (dial) {
            return result(script.play(dial, timeout, deadline), dial, started);
        } catch (Dial.Unreachable e) {
            return result(new Finding(Verdict.FAILED, e.getMessage()), dial, started);
        } catch (IOException e) {
            return result(new Finding(Verdict.FAILED, "the connection failed: " + e), dial, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(new Finding(Verdict.FAILED, "interrupted"), dial, started);
        } finally {
            guard.cancel(false);
        }
    }

    private CaseResult result(Finding f, Dial dial, long started) {
        return new CaseResult(this, strictness.cap(f.verdict()), f.verdict(), f.observed(),
                dial.log().orElse(null), Duration.ofNanos(System.nanoTime() - started));
    }
}
