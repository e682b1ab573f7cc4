package org.wslab.lab.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.HistogramLogWriter;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.lab.client.EchoRun;
import org.wslab.lab.drive.ScaleOpening;

/**
 * An open-loop load run against an echo endpoint (RFC 6455 §5.6) or, in STOMP mode, a STOMP
 * endpoint (each connection SENDs to its own destination, STOMP 1.2 "SEND", "MESSAGE") on our NIO
 * {@link Transport}:
 * opens the plan's connections (spread over the ramp, or in batches), lets each send on its own
 * schedule ({@link LoadConnection}) until {@code duration} after the last one started, waits up to
 * the drain grace for the last echoes, closes every connection with 1000 and reports
 * ({@link LoadReport}). A sampler takes the recorders' intervals once a second for the progress
 * line on stderr and the interval log. Latency counts from the intended send time, so a server
 * that stalls cannot hide its delay by holding the client back (coordinated omission, as wrk2
 * showed for HTTP).
 */
public final class LoadRun {
    /** Offered in STOMP mode when no --protocol is given (STOMP 1.2 "STOMP over WebSocket" names). */
    static final List<String> STOMP_PROTOCOLS = List.of("v12.stomp", "v11.stomp", "v10.stomp");

    private LoadRun() {}

    /** Runs {@code plan}; progress on {@code progress}, intervals to {@code log} when present. */
    public static LoadReport run(LoadPlan plan, PrintWriter progress, Optional<HistogramLogWriter> log)
            throws IOException, InterruptedException {
        LoadTally tally = new LoadTally(plan.lagThreshold().toNanos());
        List<String> protocols = plan.protocols().isEmpty() && plan.stomp().isPresent() ? STOMP_PROTOCOLS : plan.protocols();
        ClientOptions options = ClientOptions.defaults().withSubprotocols(protocols.toArray(String[]::new));
        if (plan.deflate()) {
            options = options.withExtensions(EchoRun.DEFLATE_OFFER);
        }
        long startMs = System.currentTimeMillis();
        log.ifPresent(w -> {
            w.outputLogFormatVersion();
            w.outputStartTime(startMs);
            w.outputLegend();
        });
        LoadSampler sampler = new LoadSampler(tally, progress, log, plan.answers());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wslab-load-sampler");
            t.setDaemon(true);
            return t;
        });
        List<LoadConnection> all = new ArrayList<>(plan.connections());
        TransportSettings settings = TransportSettings.defaults().withMaxConnections(Integer.MAX_VALUE);
        try (Transport transport = Transport.start(settings)) {
            clock.scheduleAtFixedRate(() -> sampler.sample(true), 1, 1, TimeUnit.SECONDS);
            open(plan, tally, transport, options, all);
            long sendEnd = System.nanoTime() + plan.duration().toNanos();
            tally.endSendingAt(sendEnd);
            ScaleOpening.waitFor(() -> System.nanoTime() - sendEnd >= 0, plan.duration().toNanos() + 1);
            long drainEnd = System.nanoTime() + plan.drain().toNanos();
            ScaleOpening.waitFor(() -> tally.scale.receivedCount() + tally.scale.mismatches() >= tally.scale.sentCount()
                    || System.nanoTime() - drainEnd >= 0, plan.drain().toNanos() + 1);
            int held = tally.scale.held();
            // The counts and the last interval are taken only once every connection has ended: a
            // loop running behind may still make a send that was due before the end, and its echo
            // comes before the server's Close (RFC 6455 §5.4 order, §7.1.2), so nothing sent is
            // left out of the latencies while counted as received, or the reverse.
            all.forEach(LoadConnection::finish);
            int total = all.size();
            ScaleOpening.waitForSeconds(() -> tally.scale.endedCount() >= total, 10);
            clock.shutdown();
            clock.awaitTermination(5, TimeUnit.SECONDS);
            sampler.sample(false);
            LoadReport.Counts counts = new LoadReport.Counts(plan.connections(), tally.scale.openedCount(), held,
                    tally.refusedByKind(), tally.scale.sentCount(), tally.scale.receivedCount(),
                    tally.scale.mismatches(), tally.errors(), tally.receipts());
            log.ifPresent(HistogramLogWriter::close);
            return new LoadReport(plan, counts, sampler.latency(), tally.scale.roundTrips(), sampler.handshakes(),
                    sampler.lag(plan.lagThreshold().toNanos()));
        } finally {
            clock.shutdownNow();
        }
    }

    /** Starts every connection: at its ramp offset, or a batch at a time with each batch's handshakes awaited. */
    private static void open(LoadPlan plan, LoadTally tally, Transport transport, ClientOptions options,
                             List<LoadConnection> all) throws IOException, InterruptedException {
        long start = System.nanoTime();
        boolean ramp = !plan.ramp().isZero();
        for (int i = 0; i < plan.connections(); i++) {
            if (ramp) {
                long at = start + plan.rampOffsetNanos(i);
                ScaleOpening.waitFor(() -> System.nanoTime() - at >= 0, plan.ramp().toNanos() + 1);
            }
            LoadConnection c = plan.stomp().isPresent() ? new StompConnection(tally, plan, i)
                    : new EchoConnection(tally, plan, i);
            all.add(c);
            ScaleOpening.connect(transport, plan.uri(), plan.tls(), options, c);
            int started = i + 1;
            if (!ramp && (started % plan.batch() == 0 || started == plan.connections())) {
                ScaleOpening.waitFor(() -> tally.scale.openedCount() + tally.scale.handshakeFailures() >= started,
                        ScaleOpening.OPEN_WAIT.toNanos());
            }
        }
        if (tally.scale.openedCount() == 0) {
            ScaleOpening.waitFor(() -> tally.scale.openedCount() + tally.scale.handshakeFailures() >= plan.connections(),
                    ScaleOpening.OPEN_WAIT.toNanos());
        }
        if (tally.scale.openedCount() == 0) {
            throw ScaleOpening.noConnection(plan.uri(), tally.scale);
        }
    }
}
