package org.wslab.lab.server.socket;

import java.util.Optional;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.transport.SendResult;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.RequestHead;
import org.wslab.lab.server.watch.ConnectionWatch;

/**
 * One accepted connection of the socket engine on the NIO transport: the transport's handler,
 * which picks the endpoint's {@link SocketHandler} once {@link RoutingOpening} has routed the
 * opening handshake (RFC 6455 §4.2), and the {@link SocketPeer} that handler sends through: the
 * connection's {@link WebSocketChannel}, whose sends are made on the loop thread (other threads
 * reach it with {@link #execute}) and answer with the transport's own {@link SendResult}. A watched
 * connection ({@code serve --log}) reports its handshake decision and its end to its {@link ConnectionWatch}.
 */
final class SocketSession implements WebSocketHandler, SocketPeer {
    private final RoutingOpening opening;
    private final Runnable onEnd;
    private final Optional<ConnectionWatch> watch;
    private WebSocketChannel channel;
    private RequestHead request;
    private SocketHandler handler;

    SocketSession(RoutingOpening opening, Runnable onEnd, Optional<ConnectionWatch> watch) {
        this.opening = opening;
        this.onEnd = onEnd;
        this.watch = watch;
    }

    @Override
    public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        channel = ch;
        request = ((HandshakeExchange.Server) opened.exchange()).request();
        watch.ifPresent(w -> SocketWatching.opened(w, opened));
        handler = opening.chosen().serve().open(this);
    }

    @Override
    public void onHandshakeFailed(HandshakeFailure failure) {
        watch.ifPresent(w -> SocketWatching.failed(w, failure));
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
        try {
            if (handler != null) {
                watch.ifPresent(w -> SocketWatching.closed(w, c));
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

    @Override
    public SendResult sendText(String text) {
        return channel.sendText(text);
    }

    @Override
    public SendResult sendText(byte[] utf8) {
        return channel.sendText(utf8);
    }

    @Override
    public SendResult sendBinary(byte[] data) {
        return channel.sendBinary(data);
    }

    @Override
    public SendResult sendPing(byte[] payload) {
        return channel.sendPing(payload);
    }

    @Override
    public boolean close(int code, String reason) {
        return channel.close(code, reason);
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
