package org.wslab.framing.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.wslab.framing.engine.OpeningRule;

/**
 * A client's TCP connect without blocking ({@code OP_CONNECT}), before the opening handshake
 * (RFC 6455 §4.1): once connected the {@link ChannelDriver} takes the socket over and sends the
 * request; a connect that fails is reported with the rule for how, by the exception's type:
 * {@link OpeningRule#CONNECT_REFUSED}, {@link OpeningRule#CONNECT_UNREACHABLE},
 * {@link OpeningRule#CONNECT_TIMEOUT} (the engine's handshake timeout counts from the start), else
 * {@link OpeningRule#CONNECT_FAILED}.
 */
final class Connecting extends LoopMember {
    private final EventLoop loop;
    private final SocketChannel socket;
    private final ChannelDriver driver;

    Connecting(EventLoop loop, SocketChannel socket, ChannelDriver driver) {
        this.loop = loop;
        this.socket = socket;
        this.driver = driver;
    }

    /** Starts the connect on the loop thread. */
    void start(InetSocketAddress address, long nowNanos) {
        try {
            if (socket.connect(address)) {
                driver.register(null, nowNanos);
                return;
            }
            socket.register(loop.selector(), SelectionKey.OP_CONNECT, this);
            loop.add(this);
            loop.schedule(this);
        } catch (IOException | RuntimeException e) {
            driver.connectFailed(ruleFor(e), describe(e));
        }
    }

    @Override
    void ready(SelectionKey key, long nowNanos) {
        try {
            if (!socket.finishConnect()) {
                return;
            }
        } catch (IOException e) {
            end();
            driver.connectFailed(ruleFor(e), describe(e));
            return;
        }
        end();
        driver.register(key, nowNanos);
    }

    private void end() {
        loop.remove(this);
        scheduledAt = Long.MAX_VALUE;
    }

    /** How a connect failed, by the exception's type (never its message). */
    static OpeningRule ruleFor(Exception e) {
        if (e instanceof ConnectException) {
            return OpeningRule.CONNECT_REFUSED;
        }
        if (e instanceof NoRouteToHostException) {
            return OpeningRule.CONNECT_UNREACHABLE;
        }
        return OpeningRule.CONNECT_FAILED;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    @Override
    long deadline() {
        return driver.connection().nextDeadlineNanos();
    }

    @Override
    void expire(long nowNanos) {
        end();
        driver.connectFailed(OpeningRule.CONNECT_TIMEOUT, "no connection within the handshake timeout");
    }

    @Override
    void abort() {
        end();
        driver.connectFailed(OpeningRule.CONNECT_FAILED, "the transport stopped");
    }
}
