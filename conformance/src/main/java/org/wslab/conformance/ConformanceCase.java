package org.wslab.conformance;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.handshake.ClientVerdict;

/**
 * One conformance case, as data: the rule it tests and where it is written, the frames it sends
 * (as {@link Action actions}), what a conforming server does (an {@link Expectation}), and how
 * strict the rule is. {@link #play} runs it against a server on a fresh {@link RawPeer}.
 *
 * @param id          the dotted id, e.g. {@code rsv.3.2}
 * @param title       a line on what it does
 * @param rule        the rule tested and its section
 * @param actions     what it sends, in order
 * @param expectation what a conforming server does
 * @param strictness  how a breach is judged
 */
public record ConformanceCase(CaseId id, String title, Rule rule, List<Action> actions, Expectation expectation,
                              Strictness strictness) {
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
        actions = List.copyOf(actions);
        Objects.requireNonNull(expectation, "expectation");
        Objects.requireNonNull(strictness, "strictness");
    }

    /** The category, the first part of the id. */
    public String category() {
        return id.category();
    }

    /** What the case sends, in words. */
    public String sends() {
        return actions.stream().map(Action::describe).collect(Collectors.joining("; then "));
    }

    /** What a conforming server does, in words. */
    public String expects() {
        return expectation.describe();
    }

    /**
     * Plays the case against the server at {@code target} on a new connection, taking at most
     * {@code timeout} to judge (a write the server never reads is cut off a little later), and
     * answers the verdict capped by {@link #strictness}. Never throws for anything the server does.
     */
    public CaseResult play(URI target, Duration timeout) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        RawPeer peer;
        try {
            peer = RawPeer.connect(target, timeout);
        } catch (IOException e) {
            return result(new Finding(Verdict.FAILED, "could not connect to " + target + ": " + e), null, started);
        }
        ScheduledFuture<?> guard = WATCHDOG.schedule(peer::abort, timeout.plus(WATCHDOG_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        try (peer) {
            ClientVerdict opened = peer.openingHandshake(timeout);
            if (opened instanceof ClientVerdict.Rejected r) {
                return result(new Finding(Verdict.FAILED, "the opening handshake failed: " + r.rule() + " — " + r.detail()),
                        peer, started);
            }
            Judge judge = new Judge(peer, deadline);
            for (Action a : actions) {
                peer.log().note(a.describe());
                if (a instanceof Action.Send s) {
                    peer.send(s.frames(), s.chop());
                } else if (a instanceof Action.Pause p) {
                    Thread.sleep(p.length().toMillis());
                } else if (a instanceof Action.RoundTrips t) {
                    Finding broken = judge.roundTrips(t, expectation);
                    if (broken != null) {
                        return result(broken, peer, started);
                    }
                }
            }
            return result(judge.judge(expectation), peer, started);
        } catch (IOException e) {
            return result(new Finding(Verdict.FAILED, "the connection failed: " + e), peer, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result(new Finding(Verdict.FAILED, "interrupted"), peer, started);
        } finally {
            guard.cancel(false);
        }
    }

    private CaseResult result(Finding f, RawPeer peer, long started) {
        return new CaseResult(this, strictness.cap(f.verdict()), f.verdict(), f.observed(),
                peer == null ? null : peer.log(), Duration.ofNanos(System.nanoTime() - started));
    }
}
