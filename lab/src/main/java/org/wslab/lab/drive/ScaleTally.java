package org.wslab.lab.drive;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.tls.TlsFailure;

/** The counters of an {@link EchoScale} run, updated from every loop thread without locks. */
final class ScaleTally {
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

    void opened() {
        opened.incrementAndGet();
    }

    void handshakeFailed(HandshakeFailure failure) {
        handshakeFailures.incrementAndGet();
        firstFailure.compareAndSet(null, failure.reason());
        firstHandshakeFailure.compareAndSet(null, failure);
        if (failure instanceof HandshakeFailure.TlsFailed tls) {
            firstTlsFailure.compareAndSet(null, tls.failure());
        }
    }

    void sent() {
        sent.incrementAndGet();
    }

    void received(long roundTripNanos) {
        received.incrementAndGet();
        roundTrips.recordValue(Math.min(Math.max(roundTripNanos, 0), TimeUnit.MINUTES.toNanos(1)));
    }

    void mismatch() {
        mismatches.incrementAndGet();
    }

    void closed(boolean wasOpen) {
        ended.incrementAndGet();
        if (wasOpen) {
            openedThenClosed.incrementAndGet();
        }
    }

    int openedCount() {
        return opened.get();
    }

    int endedCount() {
        return ended.get();
    }

    /** Connections open now: opened and not closed. */
    int held() {
        return opened.get() - openedThenClosed.get();
    }

    int handshakeFailures() {
        return handshakeFailures.get();
    }

    long sentCount() {
        return sent.get();
    }

    long receivedCount() {
        return received.get();
    }

    long mismatches() {
        return mismatches.get();
    }

    String firstFailure() {
        return firstFailure.get();
    }

    /** The first TLS handshake failure (RFC 8446 §6), or null. */
    TlsFailure firstTlsFailure() {
        return firstTlsFailure.get();
    }

    /** The first opening handshake failure (RFC 6455 §4.1), typed, or null. */
    HandshakeFailure firstHandshakeFailure() {
        return firstHandshakeFailure.get();
    }

    Histogram roundTrips() {
        return roundTrips.getIntervalHistogram();
    }
}
