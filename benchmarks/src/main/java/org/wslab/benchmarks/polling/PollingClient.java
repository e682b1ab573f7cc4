package org.wslab.benchmarks.polling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plain polling: {@code GET /updates/poll?after=N} every {@link #EVERY_MILLIS} ms on a fixed
 * schedule that knows nothing of when updates are published (as a page's timer would), with the
 * JDK's {@link HttpClient} over HTTP/1.1, its one connection kept alive between polls as a
 * browser's would be. An update therefore waits for the next poll: on average half a period.
 * Without a schedule ({@code every = 0}) it polls once after each publish instead, the best case
 * where every poll finds exactly one update (the wire-bytes figure).
 */
final class PollingClient implements UpdateClient {
    /** The polling period. */
    static final long EVERY_MILLIS = 50;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Received received = new Received();
    private final URI base;
    private final ScheduledExecutorService timer;

    PollingClient(URI base, long everyMillis) {
        this.base = base;
        if (everyMillis > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "bench-poller");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::pollQuietly, 0, everyMillis, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (IOException e) {
            received.failed("a poll failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One poll: 200 carries the updates after the newest seen, 204 none. */
    void poll() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/updates/poll?after=" + received.seq()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
            String[] lines = r.body().split("\n");
            received.gotLine(lines[lines.length - 1]);
        } else if (r.statusCode() != 204) {
            received.failed("a poll was answered " + r.statusCode());
        }
    }

    @Override
    public void published() {
        if (timer == null) {
            pollQuietly();
        }
    }

    @Override
    public String await(long seq) {
        return received.await(seq);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
