package org.wslab.benchmarks.polling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events (WHATWG HTML "Server-sent events"): one {@code GET /updates/events} whose
 * {@code text/event-stream} response stays open, read by the client's thread event by event
 * ({@code id:} and {@code data:} lines, a blank line ends each) as a browser's {@code EventSource}
 * does. The JDK's {@link HttpClient}, HTTP/1.1.
 */
final class EventStreamClient implements UpdateClient {
    private final Received received = new Received();
    private final InputStream stream;

    EventStreamClient(URI base) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(base.resolve("/updates/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the event stream was answered " + r.statusCode());
            }
            stream = r.body();
        } catch (IOException e) {
            throw new IllegalStateException("the event stream did not open", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the event stream", e);
        }
        Thread t = new Thread(this::read, "bench-event-stream");
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            long id = 0;
            String data = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                } else if (line.isEmpty() && data != null) {
                    received.got(id, data);
                    data = null;
                }
            }
            received.failed("the event stream ended");
        } catch (IOException e) {
            received.failed("the event stream broke: " + e);
        }
    }

    @Override
    public String await(long seq) {
        return received.await(seq);
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
