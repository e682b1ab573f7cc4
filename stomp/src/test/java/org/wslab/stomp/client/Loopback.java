package org.wslab.stomp.client;

import java.util.List;
import java.util.concurrent.Executor;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.stomp.session.StompServerOutput;
import org.wslab.stomp.session.StompServerSession;

/**
 * Our client facade wired to our server session with no transport: client → server calls go
 * straight through; server → client octets go through {@code toClient} (a direct executor for a
 * synchronous loopback, or one thread standing in for a transport's reader).
 */
final class Loopback {
    private Loopback() {}

    /** A client of a new server session on {@code broker}; the server session is added to {@code keep}. */
    static StompClient client(StompBroker broker, Executor toClient, String id, List<StompServerSession> keep) {
        StompClient[] c = new StompClient[1];
        StompServerSession[] s = new StompServerSession[1];
        c[0] = new StompClient(new StompClientOutput() {
            @Override
            public void write(byte[] octets) {
                s[0].receive(octets, 0, octets.length, 0);
            }

            @Override
            public void close() {
                s[0].transportClosed();
            }
        }, StompLimits.DEFAULT);
        s[0] = new StompServerSession(broker, StompServerConfig.DEFAULT, new StompServerOutput() {
            @Override
            public void write(byte[] octets, StompFrame frame) {
                toClient.execute(() -> c[0].receive(octets, 0, octets.length, 0));
            }

            @Override
            public void close() {
                toClient.execute(() -> c[0].transportClosed());
            }
        }, id, 0);
        keep.add(s[0]);
        return c[0];
    }
}
