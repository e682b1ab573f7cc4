package org.wslab.lab.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.wslab.lab.drive.ScaleTally;

/**
 * The counters and recorders of a {@link LoadRun}, written from every loop thread without locks and
 * read by the one sampling thread: the drivers' {@link ScaleTally} (connections, sent, received,
 * mismatched, and round trips from the actual send), plus the latency from the intended send
 * time, the handshake times, how late each send was against its schedule, and failures by kind.
 */
final class LoadTally {
    /** The largest value recorded; longer is clamped (and is a failure of its own by then). */
    static final long MAX_NANOS = TimeUnit.HOURS.toNanos(1);

    final ScaleTally scale = new ScaleTally();
    private final Recorder latency = new Recorder(MAX_NANOS, 3);
    private final Recorder handshakes = new Recorder(MAX_NANOS, 3);
    private final Recorder sendLag = new Recorder(MAX_NANOS, 3);
    private final LongAdder late = new LongAdder();
    private final LongAdder heldBack = new LongAdder();
    private final LongAdder receipts = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final long lagThresholdNanos;
    private final AtomicLong sendEnd = new AtomicLong(Long.MAX_VALUE);

    LoadTally(long lagThresholdNanos) {
        this.lagThresholdNanos = lagThresholdNanos;
    }

    /** An echo of a message meant for {@code intended}, sent at {@code actual}, arrived at {@code now}. */
    void echoed(long intended, long actual, long now) {
        latency.recordValue(clamp(now - intended)); // first: a counted echo's latency is already recorded
        scale.received(now - actual);
    }

    void handshake(long nanos) {
        handshakes.recordValue(clamp(nanos));
    }

    /** A send made {@code lagNanos} after its intended time by the client's own doing. */
    void sendLag(long lagNanos) {
        sendLag.recordValue(clamp(lagNanos));
        if (lagNanos > lagThresholdNanos) {
            late.increment();
        }
    }

    /** A send delayed by the server (a full window or outbound queue), not by the client. */
    void heldBack() {
        heldBack.increment();
    }

    /** A STOMP RECEIPT came. */
    void receipt() {
        receipts.increment();
    }

    long receipts() {
        return receipts.sum();
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void refused(String kind) {
        refused.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** When sending ends (nanoTime); {@link Long#MAX_VALUE} until the last connection has started. */
    long sendEnd() {
        return sendEnd.get();
    }

    void endSendingAt(long nanos) {
        sendEnd.set(nanos);
    }

    long late() {
        return late.sum();
    }

    long heldBackCount() {
        return heldBack.sum();
    }

    Map<String, Long> errors() {
        return snapshot(errors);
    }

    Map<String, Long> refusedByKind() {
        return snapshot(refused);
    }

    /** The latencies since the last call (one reader only). */
    Histogram latencyInterval() {
        return latency.getIntervalHistogram();
    }

    Histogram handshakeInterval() {
        return handshakes.getIntervalHistogram();
    }

    Histogram sendLagInterval() {
        return sendLag.getIntervalHistogram();
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static long clamp(long nanos) {
        return Math.min(Math.max(nanos, 0), MAX_NANOS);
    }
}
