package org.wslab.lab.server.socket;

import java.util.Optional;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.framing.transport.SendResult;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.RequestHead;

/**
 * One accepted connection of the socket engine on the NIO transport: the transport's handler,
 * which picks the endpoint's {@link SocketHandler} once {@link RoutingOpening} has routed the
 * opening handshake (RFC 6455 §4.2), and the {@link SocketPeer} that handler sends through.
 *
 * <p>A send made off the connection's loop thread (the current STOMP handler's broker delivers on
 * the publisher's thread) is handed to the loop with {@link #execute}; its refusal then counts
 * against the outbound limit like any other, so memory stays bounded by the transport's rule.
 */
final class SocketSession implements WebSocketHandler, SocketPeer {
    private final RoutingOpening opening;
    private final Runnable onEnd;
    private WebSocketChannel channel;
    private RequestHead request;
    private SocketHandler handler;
    private volatile boolean closed;

    SocketSession(RoutingOpening opening, Runnable onEnd) {
        this.opening = opening;
        this.onEnd = onEnd;
    }

    @Override
    public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        channel = ch;
        request = ((HandshakeExchange.Server) opened.exchange()).request();
        handler = opening.chosen().serve().open(this);
    }

    @Override
    public void onText(byte[] utf8) {
        handler.onText(utf8);
    }

    @Override
    public void onBinary(byte[] data) {
        handler.onBinary(data);
    }

    @Override
    public void onPing(byte[] payload) {
        handler.onPing(payload);
    }

    @Override
    public void onPong(byte[] payload) {
        handler.onPong(payload);
    }

    @Override
    public void onWritable() {
        handler.onWritable();
    }

    @Override
    public long tick(long nowNanos) {
        return handler == null ? Long.MAX_VALUE : handler.tick(nowNanos);
    }

    @Override
    public void onClosed(Event.Closed c) {
        closed = true;
        try {
            if (handler != null) {
                handler.onClosed(c);
            }
        } finally {
            onEnd.run();
        }
    }

    /** Starts the closing handshake from any thread (a stopping server: 1001). */
    void closeFromAnyThread(int code, String reason) {
        if (channel != null) {
            channel.execute(() -> channel.close(code, reason));
        }
    }

    @Override
    public RequestHead request() {
        return request;
    }

    @Override
    public Optional<String> subprotocol() {
        return channel.subprotocol();
    }

    @Override
    public Optional<DeflateParameters> deflate() {
        return channel.deflate();
    }

    private interface Send {
        SendResult on(WebSocketChannel ch);
    }

    private SendResult send(Send send) {
        if (closed) {
            return SendResult.NOT_OPEN;
        }
        if (inLoop()) {
            return send.on(channel);
        }
        channel.execute(() -> send.on(channel));
        return SendResult.SENT;
    }

    private boolean inLoop() {
        return channel.onLoopThread();
    }

    @Override
    public SendResult sendText(String text) {
        return send(ch -> ch.sendText(text));
    }

    @Override
    public SendResult sendText(byte[] utf8) {
        return send(ch -> ch.sendText(utf8));
    }

    @Override
    public SendResult sendBinary(byte[] data) {
        return send(ch -> ch.sendBinary(data));
    }

    @Override
    public SendResult sendPing(byte[] payload) {
        return send(ch -> ch.sendPing(payload));
    }

    @Override
    public boolean close(int code, String reason) {
        if (inLoop()) {
            return channel.close(code, reason);
        }
        closeFromAnyThread(code, reason);
        return !closed;
    }

    @Override
    public boolean sendLastThenClose(byte[] octets, boolean text, int code, String reason) {
        return text ? channel.sendLastTextThenClose(octets, code, reason)
                : channel.sendLastBinaryThenClose(octets, code, reason);
    }

    @Override
    public long outboundBytes() {
        return channel.outboundBytes();
    }

    @Override
    public boolean writable() {
        return channel.writable();
    }

    @Override
    public void pauseReading() {
        channel.pauseReading();
    }

    @Override
    public void resumeReading() {
        channel.resumeReading();
    }

    @Override
    public void execute(Runnable task) {
        channel.execute(task);
    }
}
