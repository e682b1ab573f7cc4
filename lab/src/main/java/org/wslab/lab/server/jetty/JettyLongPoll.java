package org.wslab.lab.server.jetty;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.wslab.lab.server.jetty.updates.ReadResult;
import org.wslab.lab.server.jetty.updates.SubscribeResult;
import org.wslab.lab.server.jetty.updates.Subscriber;
import org.wslab.lab.server.jetty.updates.Subscription;
import org.wslab.lab.server.jetty.updates.Update;
import org.wslab.lab.server.jetty.updates.UpdateFeed;

/**
 * One held long poll ({@code GET /updates/long-poll?after=N}, RFC 6202 §2): answered at once when
 * updates after N are there, else held without a thread until the next update (200), the wait
 * runs out ({@link org.wslab.lab.server.jetty.updates.UpdateLimits#longPollWait()}, 204), the
 * server stops (204) or the client goes away. Answered exactly once.
 */
final class JettyLongPoll implements Subscriber {
    private final Response response;
    private final Callback callback;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile Subscription subscription;
    private volatile Scheduler.Task timer;

    private JettyLongPoll(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    /** Answers or holds the request. */
    static void serve(UpdateFeed feed, long after, Request request, Response response, Callback callback) {
        ReadResult now = feed.read(after);
        if (!(now instanceof ReadResult.Updates u) || !u.updates().isEmpty()) {
            JettyUpdateAnswers.read(response, callback, now);
            return;
        }
        JettyLongPoll poll = new JettyLongPoll(response, callback);
        SubscribeResult result = feed.subscribe(after, poll);
        if (!(result instanceof SubscribeResult.Subscribed s)) {
            JettyUpdateAnswers.busy(response, callback, result instanceof SubscribeResult.Full f
                    ? f.limit() + " subscribers are waiting already" : "the server is stopping");
            return;
        }
        poll.subscription = s.subscription();
        if (poll.answered.get()) { // answered by an update before the subscription was known here
            s.subscription().cancel();
        }
        if (s.backlog() instanceof ReadResult.Updates b && b.updates().isEmpty()) {
            request.addFailureListener(poll::abandoned);
            poll.timer = request.getComponents().getScheduler().schedule(() -> poll.answer(List.of()),
                    feed.limits().longPollWait().toMillis(), TimeUnit.MILLISECONDS);
        } else { // published between the read and the subscription
            poll.once(() -> JettyUpdateAnswers.read(response, callback, s.backlog()));
        }
    }

    @Override
    public void update(Update update) {
        answer(List.of(update));
    }

    @Override
    public void ended() {
        answer(List.of());
    }

    private void answer(List<Update> updates) {
        once(() -> JettyUpdateAnswers.read(response, callback, new ReadResult.Updates(updates)));
    }

    private void abandoned(Throwable cause) {
        once(() -> callback.failed(cause));
    }

    private void once(Runnable finish) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        Scheduler.Task t = timer;
        if (t != null) {
            t.cancel();
        }
        finish.run();
    }
}
