package org.wslab.lab.drive;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.lab.common.JettyWss;
import org.wslab.lab.common.LabFailure;

/**
 * A driver for the flow-control claims of a STOMP-over-WebSocket server (STOMP 1.2 "SUBSCRIBE",
 * "MESSAGE"; RFC 6455 §5.6), measured by counting, not by timing: {@code subscribers} clients
 * subscribe to one topic, one publisher SENDs {@code messages} frames of {@code size} octets (each
 * with a {@code seq} header), and every subscriber must receive every message, in order. With a
 * stalled subscriber, one more client subscribes and stops reading: the others must still receive
 * everything, and the stalled one must end with an ERROR (its {@code message} header is reported)
 * once it reads again.
 *
 * @param uri         the server's STOMP endpoint, e.g. {@code ws://127.0.0.1:8080/websocket/app}
 * @param subscribers reading subscribers
 * @param messages    messages published
 * @param size        body octets per message
 * @param stall       whether one more subscriber stops reading
 * @param stallFor    how long the stalled subscriber stays stalled after the readers finished (the
 *                    readers finish only once the server cut it off, since its full mailbox pauses
 *                    the publisher until then; the server's close timeout must not have run out)
 * @param timeout     how long the readers may take before the run counts what is missing as lost
 * @param tls         the TLS of every connection for {@code wss://} (RFC 6455 §4.1 (5)); empty for {@code ws://}
 */
public record StompDrive(URI uri, int subscribers, int messages, int size, boolean stall, Duration stallFor,
                         Duration timeout, Optional<ClientTls> tls) {
    /** A plain {@code ws://} drive. */
    public StompDrive(URI uri, int subscribers, int messages, int size, boolean stall, Duration stallFor,
                      Duration timeout) {
        this(uri, subscribers, messages, size, stall, stallFor, timeout, Optional.empty());
    }

    /** What a run counted. */
    public record Result(int subscribers, int connected, int messages, long expected, long received, long lost,
                         long outOfOrder, int publishFailures, boolean publisherReceipt, int readersErrors,
                         Integer stalledReceived, String stalledError, int stalledCloseCode, String stalledCloseReason,
                         long millis) {
        /**
         * Nothing lost or reordered, every reader connected, and a stalled subscriber (if any) was
         * cut off: an ERROR frame reached it (or, from a server that sends none, a close whose
         * reason names {@code SLOW_CONSUMER}).
         */
        /** The first rule the run broke, with what was counted; empty when {@link #passed()}. */
        public java.util.Optional<java.util.Map.Entry<DriveRule, String>> broken() {
            if (connected != subscribers) {
                return Optional.of(java.util.Map.entry(DriveRule.CONNECTIONS_HELD,
                        connected + " of " + subscribers + " subscribers connected"));
            }
            if (outOfOrder > 0) {
                return Optional.of(java.util.Map.entry(DriveRule.UNCHANGED_IN_ORDER, outOfOrder + " messages out of order"));
            }
            if (lost != 0 || readersErrors > 0) {
                return Optional.of(java.util.Map.entry(DriveRule.NOTHING_LOST, "received " + received + " of " + expected
                        + (readersErrors > 0 ? "; " + readersErrors + " readers got an ERROR" : "")));
            }
            if (publishFailures > 0 || !publisherReceipt) {
                return Optional.of(java.util.Map.entry(DriveRule.PUBLISHED, publishFailures + " SENDs failed"
                        + (publisherReceipt ? "" : "; the publisher's receipt did not come")));
            }
            if (!passed()) {
                return Optional.of(java.util.Map.entry(DriveRule.SLOW_CONSUMER_CUT_OFF, "the stalled subscriber received "
                        + stalledReceived + " messages and was not cut off (close " + stalledCloseCode + ")"));
            }
            return Optional.empty();
        }

        public boolean passed() {
            return connected == subscribers && lost == 0 && outOfOrder == 0 && publishFailures == 0 && publisherReceipt
                    && readersErrors == 0 && (stalledReceived == null || stalledError != null
                    || (stalledCloseReason != null && stalledCloseReason.contains("SLOW_CONSUMER")));
        }
    }

    /** Runs the scenario against the server and counts. */
    public Result run() throws Exception {
        return run(facts -> { });
    }

    /** Runs the scenario; {@code onTls} sees what TLS agreed once the first {@code wss://} connection is open. */
    public Result run(Consumer<TlsFacts> onTls) throws Exception {
        long start = System.nanoTime();
        JettyWss wss = JettyWss.start(tls);
        WebSocketClient jetty = wss.client();
        try {
            List<DriveSubscriber> readers = connect(jetty, subscribers);
            wss.tls().ifPresent(onTls);
            DriveSubscriber stalled = stall ? connect(jetty, 1).get(0) : null;
            String topic = "/topic/drive-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
            List<DriveSubscriber> all = new ArrayList<>(readers);
            if (stalled != null) {
                all.add(stalled);
            }
            for (int i = 0; i < all.size(); i++) {
                all.get(i).send("SUBSCRIBE\nid:s" + i + "\ndestination:" + topic + "\nreceipt:sub\n\n\0");
            }
            for (DriveSubscriber s : all) {
                s.receipt.await(30, TimeUnit.SECONDS);
            }
            if (stalled != null) {
                stalled.stall();
            }
            DriveSubscriber publisher = connect(jetty, 1).get(0);
            AtomicInteger failed = new AtomicInteger();
            Semaphore inFlight = new Semaphore(256);
            String body = "x".repeat(size);
            for (int n = 0; n < messages; n++) {
                publisher.send("SEND\ndestination:" + topic + "\nseq:" + n + "\n\n" + body + "\0", inFlight, failed);
            }
            publisher.send("SEND\ndestination:" + topic + "-done\nreceipt:done\n\n\0", inFlight, failed);
            boolean receipt = publisher.receipt.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long until = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() - until < 0 && received(readers) < (long) messages * readers.size()) {
                Thread.sleep(20);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            Integer stalledReceived = null;
            if (stalled != null) {
                Thread.sleep(stallFor.toMillis());
                stalled.resume();
                stalled.closed.await(30, TimeUnit.SECONDS);
                stalledReceived = stalled.messages.get();
            }
            long received = received(readers);
            long expected = (long) messages * readers.size();
            return new Result(subscribers, (int) readers.stream().filter(r -> r.connected.getCount() == 0).count(),
                    messages, expected, received, expected - received,
                    readers.stream().mapToLong(r -> r.outOfOrder.get()).sum(), failed.get(), receipt,
                    (int) readers.stream().filter(r -> r.error != null).count(), stalledReceived,
                    stalled == null ? null : stalled.error, stalled == null ? -1 : stalled.closeCode,
                    stalled == null ? null : stalled.closeReason, millis);
        } finally {
            wss.stop();
        }
    }

    /** A connection that could not be opened, in the failure vocabulary, classified by type ({@link JettyWss#connectFailure}). */
    private LabFailure failure(Exception e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        int port = uri.getPort() >= 0 ? uri.getPort() : "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return JettyWss.tlsFailure(cause, uri.getHost(), port)
                .orElseGet(() -> new LabFailure(JettyWss.connectFailure(cause, uri.getHost(), port,
                        uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath()), cause));
    }

    private static long received(List<DriveSubscriber> readers) {
        return readers.stream().mapToLong(r -> r.messages.get()).sum();
    }

    /** Opens {@code n} STOMP 1.2 connections, 100 handshakes at a time, each CONNECTED before it is returned. */
    private List<DriveSubscriber> connect(WebSocketClient jetty, int n) throws Exception {
        List<DriveSubscriber> out = new ArrayList<>(n);
        for (int from = 0; from < n; from += 100) {
            List<DriveSubscriber> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 100); i++) {
                DriveSubscriber s = new DriveSubscriber();
                ClientUpgradeRequest request = new ClientUpgradeRequest();
                request.setSubProtocols("v12.stomp");
                try {
                    jetty.connect(s, uri, request).get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw failure(e);
                }
                batch.add(s);
            }
            for (DriveSubscriber s : batch) {
                if (!s.connected.await(30, TimeUnit.SECONDS)) {
                    throw new LabFailure(new org.wslab.lab.common.ConnectFailure.TimedOut("a STOMP CONNECTED frame from",
                            uri.getHost() + ":" + uri.getPort(), java.time.Duration.ofSeconds(30), -1), null);
                }
            }
            out.addAll(batch);
        }
        return out;
    }
}
