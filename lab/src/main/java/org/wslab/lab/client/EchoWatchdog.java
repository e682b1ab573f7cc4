package org.wslab.lab.client;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.socket.BlockingWebSocket;

/**
 * Gives up on an operation of an {@link EchoRun} that takes longer than the timeout: on an open
 * connection it starts the closing handshake with 1000 (RFC 6455 §7.1.2) so the reader sees the
 * close, and ends the connection outright one more timeout later (or at once when it is not open).
 */
final class EchoWatchdog {
    private final ScheduledExecutorService alarms;
    private final BlockingWebSocket socket;
    private final Duration timeout;
    private final AtomicBoolean fired = new AtomicBoolean();
    private ScheduledFuture<?> pending;

    EchoWatchdog(ScheduledExecutorService alarms, BlockingWebSocket socket, Duration timeout) {
        this.alarms = alarms;
        this.socket = socket;
        this.timeout = timeout;
    }

    void arm() {
        disarm();
        pending = alarms.schedule(this::fire, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    void disarm() {
        if (pending != null) {
            pending.cancel(false);
        }
    }

    boolean fired() {
        return fired.get();
    }

    private void fire() {
        fired.set(true);
        boolean closing;
        try {
            closing = socket.close(CloseCode.NORMAL.code(), "");
        } catch (IOException | RuntimeException e) {
            closing = false;
        }
        if (closing) {
            alarms.schedule((Runnable) socket::close, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } else {
            socket.close();
        }
    }
}
