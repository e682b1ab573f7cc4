package org.wslab.benchmarks.polling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Long polling (RFC 6202 §2): one request always held by the server,
 * {@code GET /updates/long-poll?after=N}, answered when the update happens; the client's thread
 * sends the next one as soon as an answer came (a 204 when the server's wait ran out is simply
 * asked again). The JDK's {@link HttpClient}, HTTP/1.1, the connection kept alive.
 */
final class LongPollingClient implements UpdateClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Received received = new Received();
    private final URI base;
    private final Thread thread;
    private volatile boolean running = true;

    LongPollingClient(URI base) {
        this.base = base;
        thread = new Thread(this::run, "bench-long-poller");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        base.resolve("/updates/long-poll?after=" + received.seq())).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    String[] lines = r.body().split("\n");
                    received.gotLine(lines[lines.length - 1]);
                } else if (r.statusCode() != 204) {
                    received.failed("a long poll was answered " + r.statusCode());
                    return;
                }
            } catch (IOException e) {
                if (running) {
                    received.failed("a long poll failed: " + e);
                }
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public String await(long seq) {
        return received.await(seq);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
