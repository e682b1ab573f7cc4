package org.wslab.lab.drive;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.tls.TlsFailure;

/**
 * The counters of a many-connection run ({@link EchoScale}, the load generator), updated from every
 * loop thread without locks: connections opened and ended, handshake failures (RFC 6455 §4.1) with
 * the first one kept, messages sent, received and mismatched, and round trips from the actual send.
 */
public final class ScaleTally {
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger openedThenClosed = new AtomicInteger();
    private final AtomicInteger handshakeFailures = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicReference<TlsFailure> firstTlsFailure = new AtomicReference<>();
    private final AtomicReference<HandshakeFailure> firstHandshakeFailure = new AtomicReference<>();
    private final Recorder roundTrips = new Recorder(TimeUnit.MINUTES.toNanos(1), 3);

    public void opened() {
        opened.incrementAndGet();
    }

    public void handshakeFailed(HandshakeFailure failure) {
        handshakeFailures.incrementAndGet();
        firstFailure.compareAndSet(null, failure.reason());
        firstHandshakeFailure.compareAndSet(null, failure);
        if (failure instanceof HandshakeFailure.TlsFailed tls) {
            firstTlsFailure.compareAndSet(null, tls.failure());
        }
    }

    public void sent() {
        sent.incrementAndGet();
    }

    public void received(long roundTripNanos) {
        received.incrementAndGet();
        roundTrips.recordValue(Math.min(Math.max(roundTripNanos, 0), TimeUnit.MINUTES.toNanos(1)));
    }

    public void mismatch() {
        mismatches.incrementAndGet();
    }

    public void closed(boolean wasOpen) {
        ended.incrementAndGet();
        if (wasOpen) {
            openedThenClosed.incrementAndGet();
        }
    }

    public int openedCount() {
        return opened.get();
    }

    public int endedCount() {
        return ended.get();
    }

    /** Connections open now: opened and not closed. */
    public int held() {
        return opened.get() - openedThenClosed.get();
    }

    public int handshakeFailures() {
        return handshakeFailures.get();
    }

    public long sentCount() {
        return sent.get();
    }

    public long receivedCount() {
        return received.get();
    }

    public long mismatches() {
        return mismatches.get();
    }

    public String firstFailure() {
        return firstFailure.get();
    }

    /** The first TLS handshake failure (RFC 8446 §6), or null. */
    public TlsFailure firstTlsFailure() {
        return firstTlsFailure.get();
    }

    /** The first opening handshake failure (RFC 6455 §4.1), typed, or null. */
    public HandshakeFailure firstHandshakeFailure() {
        return firstHandshakeFailure.get();
    }

    public Histogram roundTrips() {
        return roundTrips.getIntervalHistogram();
    }
}
