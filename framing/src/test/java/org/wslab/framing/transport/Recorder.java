package org.wslab.framing.transport;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;

/** A client handler that sends its messages once open and queues what comes back, for the test thread. */
class Recorder implements WebSocketHandler {
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<byte[]> toSend;
    volatile WebSocketChannel channel;

    Recorder(List<byte[]> toSend) {
        this.toSend = toSend;
    }

    @Override
    public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        channel = ch;
        events.add(opened);
        for (byte[] m : toSend) {
            ch.sendBinary(m);
        }
    }

    @Override
    public void onHandshakeFailed(HandshakeFailure failure) {
        events.add(new Event.HandshakeFailed(failure));
    }

    @Override
    public void onText(byte[] utf8) {
        events.add(new Event.TextMessage(utf8));
    }

    @Override
    public void onBinary(byte[] data) {
        events.add(new Event.BinaryMessage(data));
    }

    @Override
    public void onClosed(Event.Closed closed) {
        events.add(closed);
    }

    /** The next event within 10 s (a bound for a hung test, not a timing assertion). */
    Event next() throws InterruptedException {
        Event e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no event within 10 s");
        }
        return e;
    }
}
