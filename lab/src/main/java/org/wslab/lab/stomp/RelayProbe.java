package org.wslab.lab.stomp;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.relay.RelaySettings;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.client.StompErrorException;
import org.wslab.stomp.socket.StompTcpClient;

/**
 * Checks, before {@code wslab serve --relay} starts, that a STOMP broker answers at the relay
 * address: a TCP connection, CONNECT (the relay's own {@code host:/}), CONNECTED (STOMP 1.2 "Connecting"), DISCONNECT. A server
 * whose relay target is down at start refuses to start with one line; once running, an upstream
 * that goes away is reported per session (an ERROR naming {@code BROKER_UNAVAILABLE}).
 */
public final class RelayProbe {
    private RelayProbe() {}

    /** Empty when a STOMP broker answered at {@code relay} within {@code timeoutMillis}; else the problem in one line. */
    public static Optional<String> problem(StompBackend.Relay relay, int timeoutMillis) {
        try (StompTcpClient tcp = new StompTcpClient(org.wslab.stomp.codec.StompLimits.DEFAULT, timeoutMillis)) {
            StompConnection c = tcp.connect(relay.host(), relay.port(),
                    RelaySettings.UPSTREAM_CONNECT.withHeartBeat(HeartBeat.NONE)).get(timeoutMillis, TimeUnit.MILLISECONDS);
            c.client().disconnect().get(timeoutMillis, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(describe(relay, e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of("no STOMP broker answered at " + relay.address() + " within " + timeoutMillis
                    + " ms (CONNECT sent, no CONNECTED)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking the relay at " + relay.address());
        }
    }

    private static String describe(StompBackend.Relay relay, Throwable cause) {
        String where = "cannot reach the STOMP relay at " + relay.address() + ": ";
        if (cause instanceof ConnectException) {
            return where + "connection refused (is the broker running, with a STOMP acceptor on that port?)";
        }
        if (cause instanceof UnknownHostException) {
            return where + "unknown host";
        }
        if (cause instanceof SocketTimeoutException) {
            return where + "timed out connecting";
        }
        if (cause instanceof StompErrorException s && s.error() != null) {
            return where + "the broker answered CONNECT with ERROR: " + s.error().header("message", "(no message header)");
        }
        return where + (cause == null ? "unknown failure" : cause.getMessage());
    }
}
