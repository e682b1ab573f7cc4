package org.wslab.lab.server.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.server.jetty.updates.ReadResult;
import org.wslab.lab.server.jetty.updates.SubscribeResult;
import org.wslab.lab.server.jetty.updates.Subscriber;
import org.wslab.lab.server.jetty.updates.Subscription;
import org.wslab.lab.server.jetty.updates.Update;
import org.wslab.lab.server.jetty.updates.UpdateFeed;

/**
 * One event stream ({@code GET /updates/events}, WHATWG HTML "Server-sent events",
 * {@code text/event-stream}): the response stays open and each update is written as one event
 * ({@link Update#event()}) with Jetty's asynchronous writes, one write in flight at a time; events
 * arriving meanwhile wait in a queue of at most
 * {@link org.wslab.lab.server.jetty.updates.UpdateLimits#maxQueued()}, and one more ends the stream
 * (a reader that does not keep up is cut off rather than buffered without bound). A reconnecting
 * client's {@code Last-Event-ID} (or {@code ?after=N}) gets what it missed first.
 */
final class JettyEventStream implements Subscriber {
    private final Response response;
    private final Callback callback;
    private final int maxQueued;
    private final ArrayDeque<Update> queue = new ArrayDeque<>();
    private Subscription subscription;
    private boolean writing;
    private boolean ended;
    /** The request's callback is completed (the stream is over). */
    private boolean done;

    private JettyEventStream(Response response, Callback callback, int maxQueued) {
        this.response = response;
        this.callback = callback;
        this.maxQueued = maxQueued;
    }

    /** Opens the stream, or answers 503 (subscriber limit, stopping) or 410 (what was asked for is gone). */
    static void serve(UpdateFeed feed, long after, Request request, Response response, Callback callback) {
        JettyEventStream stream = new JettyEventStream(response, callback, feed.limits().maxQueued());
        SubscribeResult result = feed.subscribe(after, stream);
        if (!(result instanceof SubscribeResult.Subscribed s)) {
            JettyUpdateAnswers.busy(response, callback, result instanceof SubscribeResult.Full f
                    ? f.limit() + " subscribers are connected already" : "the server is stopping");
            return;
        }
        if (s.backlog() instanceof ReadResult.Gone) {
            s.subscription().cancel();
            JettyUpdateAnswers.read(response, callback, s.backlog());
            return;
        }
        request.addIdleTimeoutListener(timeout -> false); // a quiet stream is not an idle one
        request.addFailureListener(stream::failed);
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        stream.start(s.subscription(), ((ReadResult.Updates) s.backlog()).updates());
    }

    private synchronized void start(Subscription s, List<Update> backlog) {
        subscription = s;
        writing = true;
        response.write(false, events(backlog), Callback.from(this::written, this::failed)); // commits the head
    }

    @Override
    public synchronized void update(Update update) {
        if (ended || done) {
            return;
        }
        if (queue.size() >= maxQueued) {
            failed(new IllegalStateException(maxQueued + " events queued for a reader that does not take them"));
            return;
        }
        queue.addLast(update);
        if (!writing) {
            writeQueued();
        }
    }

    @Override
    public synchronized void ended() {
        ended = true;
        if (!writing) {
            finish();
        } // else the write in flight finishes the response when it completes
    }

    private synchronized void written() {
        writing = false;
        if (done) {
            return;
        }
        if (!queue.isEmpty()) {
            writeQueued();
        } else if (ended) {
            finish();
        }
    }

    private void writeQueued() {
        List<Update> batch = List.copyOf(queue);
        queue.clear();
        writing = true;
        response.write(false, events(batch), Callback.from(this::written, this::failed));
    }

    /** The response's last write: the stream ends cleanly. */
    private void finish() {
        if (!done) {
            done = true;
            response.write(true, null, callback);
        }
    }

    private synchronized void failed(Throwable cause) {
        if (subscription != null) {
            subscription.cancel();
        }
        queue.clear();
        ended = true;
        if (!done) {
            done = true;
            callback.failed(cause);
        }
    }

    private static ByteBuffer events(List<Update> updates) {
        StringBuilder text = new StringBuilder();
        updates.forEach(u -> text.append(u.event()));
        return ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
