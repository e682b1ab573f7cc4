package org.wslab.lab.server.jetty.notes;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.wslab.lab.server.jetty.updates.PublishResult;
import org.wslab.lab.server.jetty.updates.SubscribeResult;
import org.wslab.lab.server.jetty.updates.Subscriber;
import org.wslab.lab.server.jetty.updates.Subscription;
import org.wslab.lab.server.jetty.updates.Update;
import org.wslab.lab.server.jetty.updates.UpdateFeed;

/**
 * The notes board of {@link JettyNotesHandler} over WebSocket ({@code /websocket/notes}, RFC 6455):
 * a text message {@code {"text":"…"}} (§5.6) adds a note, and every note added — over WebSocket or
 * by {@code POST /api/notes} — is pushed to every connected session as {@code {"id":N,"text":"…"}},
 * the sender's own included (its confirmation). A message that is not a note is answered with
 * {@code {"error":"…"}} naming the rule; one over {@link JettyNotesHandler#MAX_BODY_BYTES} closes
 * the session with 1009 (§7.4.1), a binary message with 1003, a reader that lets
 * {@link UpdateFeed#limits()}' {@code maxQueued()} pushes pile up with 1008, one over the subscriber
 * limit with 1013 (IANA "Try Again Later"). Public for Jetty's lookup of listener methods.
 */
public final class JettyNotesEndpoint extends Session.Listener.AbstractAutoDemanding implements Subscriber {
    /** The endpoint's path. */
    public static final String PATH = "/websocket/notes";
    private static final int TRY_AGAIN_LATER = 1013;

    private final UpdateFeed board;
    private final AtomicInteger unsent = new AtomicInteger();
    private final Callback sent = Callback.from(unsent::decrementAndGet, x -> end(StatusCode.SERVER_ERROR, "send failed"));
    private volatile Subscription subscription;

    private JettyNotesEndpoint(UpdateFeed board) {
        this.board = board;
    }

    /** One endpoint per upgrade, on {@code board}. */
    public static WebSocketCreator creator(UpdateFeed board) {
        return (request, response, callback) -> new JettyNotesEndpoint(board);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        super.onWebSocketOpen(session);
        session.setMaxTextMessageSize(JettyNotesHandler.MAX_BODY_BYTES);
        SubscribeResult result = board.subscribe(Long.MAX_VALUE, this); // new notes only
        if (result instanceof SubscribeResult.Subscribed s) {
            subscription = s.subscription();
        } else {
            session.close(TRY_AGAIN_LATER, result instanceof SubscribeResult.Full ? "too many readers" : "server stopping",
                    Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketText(String message) {
        NoteJson.Posted posted = NoteJson.parse(message);
        if (posted instanceof NoteJson.Posted.Invalid invalid) {
            reply(NoteJson.error(invalid.rule()));
            return;
        }
        PublishResult result = board.publish(((NoteJson.Posted.Text) posted).text());
        if (!(result instanceof PublishResult.Published)) {
            reply(NoteJson.error(NoteAnswers.rule(result)));
        } // else the note comes back to this session as a push, like to every other one
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        end(StatusCode.BAD_DATA, "notes are JSON text messages");
    }

    @Override
    public void update(Update update) {
        reply(NoteJson.note(update));
    }

    private void reply(String text) {
        Session session = getSession();
        if (session == null || !session.isOpen()) {
            return;
        }
        if (unsent.incrementAndGet() > board.limits().maxQueued()) {
            end(StatusCode.POLICY_VIOLATION, "slow reader");
            return;
        }
        session.sendText(text, sent);
    }

    @Override
    public void ended() {
        end(StatusCode.SHUTDOWN, "server stopping");
    }

    private void end(int code, String reason) {
        cancel();
        Session session = getSession();
        if (session != null && session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
    }

    private void cancel() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        cancel();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        cancel();
    }
}
