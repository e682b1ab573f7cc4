package org.wslab.lab.drive;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * A scale driver for echo servers (RFC 6455 §5.6 messages through any {@code /websocket/echo}):
 * opens N client connections on our NIO {@link Transport} in batches (progress on stderr), sends
 * R binary messages a second on each for a duration, checks every echo byte for byte and in order,
 * and reports connections held, sent, received, lost, handshake failures and round-trip
 * percentiles. Run from the command line as the hidden
 * {@code wslab drive echo URL --connections N --rate R --duration D} (exit 0 only when nothing was
 * lost and every connection was held), or from a test.
 */
public final class EchoScale {
    /**
     * What to run.
     *
     * @param uri         the echo endpoint, {@code ws://} or {@code wss://}
     * @param connections how many connections to hold at once
     * @param rate        messages a second per connection
     * @param duration    how long to send
     * @param batch       connections opened before waiting for their handshakes
     * @param size        bytes per message (at least 16: send time and sequence number)
     * @param tls         the TLS of every connection for {@code wss://} (RFC 6455 §4.1 (5)); empty for {@code ws://}
     */
    public record Plan(WebSocketUri uri, int connections, double rate, Duration duration, int batch, int size,
                       Optional<ClientTls> tls) {
        public Plan {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(tls, "tls");
            if (connections < 1 || rate <= 0 || batch < 1 || duration.isNegative()) {
                throw new IllegalArgumentException("connections, rate and batch are positive");
            }
        }

        /** A plain {@code ws://} plan. */
        public Plan(WebSocketUri uri, int connections, double rate, Duration duration, int batch, int size) {
            this(uri, connections, rate, duration, batch, size, Optional.empty());
        }

        /** Messages each connection sends: at least one. */
        int perConnection() {
            return (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        }
    }

    /**
     * What happened.
     *
     * @param held              connections open when sending ended
     * @param wanted            connections asked for
     * @param handshakeFailures handshakes that failed (connect errors included)
     * @param sent              messages sent
     * @param received          echoes that matched
     * @param mismatches        echoes that differed or came out of order
     * @param roundTrips        round trips in nanoseconds
     * @param firstFailure      the first handshake failure's line (the failure vocabulary's), or null
     * @param tls               what TLS agreed on the first connection opened, for {@code wss://}
     */
    public record Report(int held, int wanted, int handshakeFailures, long sent, long received, long mismatches,
                         Histogram roundTrips, String firstFailure, Optional<TlsFacts> tls) {
        /** Messages sent and never echoed. */
        public long lost() {
            return sent - received;
        }

        /** Nothing lost, nothing different, every connection held. */
        public boolean ok() {
            return lost() == 0 && mismatches == 0 && held == wanted;
        }

        /** The first rule the run broke, with what was counted; empty when {@link #ok()}. */
        public Optional<java.util.Map.Entry<DriveRule, String>> broken() {
            if (mismatches > 0) {
                return Optional.of(java.util.Map.entry(DriveRule.UNCHANGED_IN_ORDER,
                        mismatches + " echoes differed or came out of order"));
            }
            if (lost() > 0) {
                return Optional.of(java.util.Map.entry(DriveRule.NOTHING_LOST, lost() + " of " + sent + " echoes lost"));
            }
            if (held != wanted) {
                return Optional.of(java.util.Map.entry(DriveRule.CONNECTIONS_HELD, "held " + held + " of " + wanted
                        + " connections" + (firstFailure == null ? "" : "; first failure: " + firstFailure)));
            }
            return Optional.empty();
        }

        /** Round trip at {@code percentile}, in milliseconds. */
        public double ms(double percentile) {
            return roundTrips.getValueAtPercentile(percentile) / 1e6;
        }

        /** One line of facts, percentiles in milliseconds. */
        public String summary() {
            return String.format("connections held %d of %d, handshake failures %d, sent %d, received %d, lost %d,"
                            + " mismatched %d, round trip ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f%s",
                    held, wanted, handshakeFailures, sent, received, lost(), mismatches, ms(50), ms(90), ms(99),
                    ms(99.9), roundTrips.getMaxValue() / 1e6, firstFailure == null ? "" : " (first failure: "
                            + firstFailure + ")");
        }

    }

    /** How long a batch of connections may take to open. */
    static final Duration OPEN_WAIT = ScaleOpening.OPEN_WAIT;

    private EchoScale() {}

    /** Runs {@code plan} on a transport of its own; {@code progress} gets a line per batch. */
    public static Report run(Plan plan, PrintStream progress) throws IOException, InterruptedException {
        ScaleTally tally = new ScaleTally();
        long period = (long) (1e9 / plan.rate());
        List<ScaleConnection> all = new ArrayList<>(plan.connections());
        TransportSettings settings = TransportSettings.defaults().withMaxConnections(Integer.MAX_VALUE);
        try (Transport transport = Transport.start(settings)) {
            for (int opened = 0; opened < plan.connections(); ) {
                int n = Math.min(plan.batch(), plan.connections() - opened);
                for (int i = 0; i < n; i++) {
                    ScaleConnection c = new ScaleConnection(tally, plan.perConnection(), period, plan.size());
                    all.add(c);
                    ScaleOpening.connect(transport, plan.uri(), plan.tls(), ClientOptions.defaults(), c);
                }
                opened += n;
                int target = opened;
                ScaleOpening.waitForSeconds(() -> tally.openedCount() + tally.handshakeFailures() >= target,
                        OPEN_WAIT.toSeconds());
                if (tally.openedCount() == 0) {
                    throw ScaleOpening.noConnection(plan.uri(), tally);
                }
                progress.printf("wslab drive: %d of %d connections open (%d failed)%n", tally.openedCount(),
                        plan.connections(), tally.handshakeFailures());
            }
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
            for (ScaleConnection c : all) {
                if (c.channel() != null) {
                    long jitter = Math.floorMod(System.identityHashCode(c), Math.max(1, period));
                    c.channel().execute(() -> c.startAt(start + jitter));
                }
            }
            long expected = (long) tally.openedCount() * plan.perConnection();
            long sendEnd = start + plan.duration().toNanos() + period;
            ScaleOpening.waitForSeconds(() -> tally.receivedCount() + tally.mismatches() >= expected
                    || System.nanoTime() - sendEnd > TimeUnit.SECONDS.toNanos(10), plan.duration().toSeconds() + 40);
            int held = tally.held();
            for (ScaleConnection c : all) {
                if (c.channel() != null) {
                    c.channel().execute(c::close);
                }
            }
            int total = all.size();
            ScaleOpening.waitForSeconds(() -> tally.endedCount() >= total, 10);
            return new Report(held, plan.connections(), tally.handshakeFailures(), tally.sentCount(),
                    tally.receivedCount(), tally.mismatches(), tally.roundTrips(),
                    ScaleOpening.firstFailureLine(plan.uri(), tally),
                    all.stream().map(ScaleConnection::channel).filter(Objects::nonNull).findFirst()
                            .flatMap(WebSocketChannel::tls));
        }
    }
}
