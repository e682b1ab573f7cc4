package org.wslab.lab.drive;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One STOMP 1.2 connection of a {@link StompDrive} run, on Jetty's WebSocket client with explicit
 * demand (RFC 6455 §5.6 messages read only when asked for): it counts the MESSAGE frames of its
 * subscription in order (each carries a {@code seq} header), records the first ERROR's
 * {@code message} header, and can stop reading its socket ({@link #stall()}) so that the server
 * sees a consumer whose TCP window is shut (STOMP 1.2 "MESSAGE" frames pile up on the server).
 */
public final class DriveSubscriber implements Session.Listener {
    final CountDownLatch connected = new CountDownLatch(1);
    final CountDownLatch receipt = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger messages = new AtomicInteger();
    final AtomicInteger outOfOrder = new AtomicInteger();
    volatile String error;
    volatile int closeCode = -1;
    volatile String closeReason;
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicBoolean demandOwed = new AtomicBoolean();
    private final StringBuilder pending = new StringBuilder();
    private volatile Session session;

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        s.sendText("CONNECT\naccept-version:1.2\nhost:lab\nheart-beat:0,0\n\n\0", Callback.NOOP);
        s.demand();
    }

    @Override
    public void onWebSocketText(String message) {
        frames(message);
        demandAgain();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        frames(StandardCharsets.UTF_8.decode(payload).toString());
        callback.succeed();
        demandAgain();
    }

    private void demandAgain() {
        if (stalled.get()) {
            demandOwed.set(true);
        } else {
            session.demand();
        }
    }

    /** Splits STOMP frames at their NUL (a message may hold several, or a part, or a heart-beat). */
    private void frames(String text) {
        pending.append(text);
        for (int nul; (nul = pending.indexOf("\0")) >= 0; ) {
            String frame = pending.substring(0, nul).stripLeading();
            pending.delete(0, nul + 1);
            onFrame(frame);
        }
    }

    private void onFrame(String frame) {
        if (frame.startsWith("CONNECTED\n")) {
            connected.countDown();
        } else if (frame.startsWith("MESSAGE\n")) {
            int seq = Integer.parseInt(header(frame, "seq"));
            if (seq != messages.getAndIncrement()) {
                outOfOrder.incrementAndGet();
            }
        } else if (frame.startsWith("RECEIPT\n")) {
            receipt.countDown();
        } else if (frame.startsWith("ERROR\n") && error == null) {
            error = header(frame, "message");
        }
    }

    private static String header(String frame, String name) {
        int at = frame.indexOf("\n" + name + ":");
        if (at < 0) {
            return "";
        }
        int from = at + name.length() + 2;
        int end = frame.indexOf('\n', from);
        return unescape(frame.substring(from, end < 0 ? frame.length() : end));
    }

    /** STOMP 1.2 "Value Encoding": {@code \c} is a colon, {@code \n} a line feed, {@code \r} a CR, {@code \\} a backslash. */
    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char e = value.charAt(++i);
                out.append(switch (e) {
                    case 'c' -> ':';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    void send(String stompFrame) {
        session.sendText(stompFrame, Callback.NOOP);
    }

    /**
     * Sends with at most {@code inFlight}'s permits of frames unconfirmed by Jetty, so the publisher
     * never outruns its own outgoing queue (a refused frame would be a message lost by the driver).
     */
    void send(String stompFrame, java.util.concurrent.Semaphore inFlight, AtomicInteger failed)
            throws InterruptedException {
        inFlight.acquire();
        session.sendText(stompFrame, Callback.from(inFlight::release, x -> {
            failed.incrementAndGet();
            inFlight.release();
        }));
    }

    /** Stops asking for messages: Jetty stops reading the socket once its buffer is full. */
    void stall() {
        stalled.set(true);
    }

    /** Reads again (and what the server wrote before it gave up on us). */
    void resume() {
        stalled.set(false);
        if (demandOwed.getAndSet(false)) {
            session.demand();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closeCode = statusCode;
        closeReason = reason;
        closed.countDown();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.countDown();
    }
}
