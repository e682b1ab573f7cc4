package org.wslab.lab.server.jetty;

import java.util.List;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.wslab.lab.server.jetty.updates.ReadResult;
import org.wslab.lab.server.jetty.updates.SubscribeResult;
import org.wslab.lab.server.jetty.updates.Subscriber;
import org.wslab.lab.server.jetty.updates.Subscription;
import org.wslab.lab.server.jetty.updates.Update;
import org.wslab.lab.server.jetty.updates.UpdateFeed;

/**
 * The WebSocket side of the update feed ({@code /websocket/updates}): each update is pushed as one
 * text message {@link Update#message()} (RFC 6455 §5.6) the moment it is published. Bounded: at
 * most {@link org.wslab.lab.server.jetty.updates.UpdateLimits#maxQueued()} messages unsent per
 * session, one more closes it with 1008 (RFC 6455 §7.4.1, a reader that does not keep up); a
 * subscriber over the feed's limit is closed with 1013 (Try Again Later, IANA registry); updates
 * already missed ({@code ?after=N} on the upgrade) are sent first, 1008 when they are gone.
 * Messages from the client are ignored. Public for Jetty's public lookup of listener methods.
 */
public final class JettyUpdatesEndpoint extends Session.Listener.AbstractAutoDemanding implements Subscriber {
    /** The endpoint's path. */
    public static final String PATH = "/websocket/updates";
    /** RFC 6455 §7.4.1 does not name it; the IANA registry's "Try Again Later". */
    private static final int TRY_AGAIN_LATER = 1013;

    private final UpdateFeed feed;
    private final long after;
    private final AtomicInteger unsent = new AtomicInteger();
    private final Callback sent = Callback.from(unsent::decrementAndGet, this::sendFailed);
    private volatile Subscription subscription;

    JettyUpdatesEndpoint(UpdateFeed feed, long after) {
        this.feed = feed;
        this.after = after;
    }

    /** Makes one endpoint per upgrade; {@code ?after=N} asks for what came after N first, else only new ones (400 when bad). */
    static WebSocketCreator creator(UpdateFeed feed) {
        return (request, response, callback) -> {
            String asked = Request.extractQueryParameters(request).getValue("after");
            OptionalLong after = asked == null ? OptionalLong.of(Long.MAX_VALUE) : JettyUpdatesHandler.parse(asked);
            if (after.isEmpty()) {
                JettyUpdateAnswers.text(response, callback, HttpStatus.BAD_REQUEST_400, "after is a sequence number\n");
                return null;
            }
            return new JettyUpdatesEndpoint(feed, after.getAsLong());
        };
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        SubscribeResult result = feed.subscribe(after, this);
        if (!(result instanceof SubscribeResult.Subscribed s)) {
            session.close(TRY_AGAIN_LATER, result instanceof SubscribeResult.Full ? "too many subscribers"
                    : "server stopping", Callback.NOOP);
            return;
        }
        subscription = s.subscription();
        if (s.backlog() instanceof ReadResult.Gone g) {
            end(StatusCode.POLICY_VIOLATION, "updates before " + g.oldest() + " are gone");
            return;
        }
        List<Update> missed = ((ReadResult.Updates) s.backlog()).updates();
        missed.forEach(this::update);
    }

    @Override
    public void update(Update update) {
        Session session = getSession();
        if (session == null || !session.isOpen()) {
            return;
        }
        if (unsent.incrementAndGet() > feed.limits().maxQueued()) {
            end(StatusCode.POLICY_VIOLATION, "slow consumer");
            return;
        }
        session.sendText(update.message(), sent);
    }

    @Override
    public void ended() {
        end(StatusCode.SHUTDOWN, "server stopping");
    }

    private void sendFailed(Throwable cause) {
        end(StatusCode.SERVER_ERROR, "send failed");
    }

    private void end(int code, String reason) {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        Session session = getSession();
        if (session != null && session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        onWebSocketClose(StatusCode.ABNORMAL, "");
    }
}
