package org.wslab.framing.transport;

import org.wslab.framing.engine.Event;

/**
 * Echoes every text and binary message back (RFC 6455 §5.6; pings are answered by the engine,
 * §5.5.2), and pauses reading while its outbound queue is full so a peer that never reads its
 * echoes is held back by TCP instead of growing memory; reading resumes when the queue drains.
 * The transport's simplest handler, for tests and as an example; a subclass may answer some
 * messages otherwise and leave the rest to the echo.
 */
public class EchoHandler implements WebSocketHandler {
    private WebSocketChannel channel;

    @Override
    public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        channel = ch;
    }

    /** The connection, once open. */
    protected final WebSocketChannel channel() {
        return channel;
    }

    @Override
    public void onText(byte[] utf8) {
        channel.sendText(utf8);
        pauseWhileFull();
    }

    @Override
    public void onBinary(byte[] data) {
        channel.sendBinary(data);
        pauseWhileFull();
    }

    private void pauseWhileFull() {
        if (!channel.writable()) {
            channel.pauseReading();
        }
    }

    @Override
    public void onWritable() {
        channel.resumeReading();
    }
}
