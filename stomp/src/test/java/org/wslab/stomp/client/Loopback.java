package org.wslab.stomp.client;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executor;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.runtime.SerialExecutor;
import org.wslab.stomp.session.OutboundMessage;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.stomp.session.StompServerSession;

/**
 * Our client facade wired to our server session with no transport: client → server octets and the
 * server's mailbox wake-ups run through one serial executor (as a transport would serialise them);
 * server → client octets go through {@code toClient} (a direct executor for a synchronous loopback,
 * or one thread standing in for a transport's reader).
 */
final class Loopback {
    private Loopback() {}

    /** A client of a new server session on {@code broker}; the server session is added to {@code keep}. */
    static StompClient client(StompBroker broker, Executor toClient, String id, List<StompServerSession> keep) {
        StompClient[] c = new StompClient[1];
        StompServerSession[] s = new StompServerSession[1];
        SerialExecutor serial = new SerialExecutor();
        Runnable flush = () -> {
            s[0].pump(0, Long.MAX_VALUE);
            for (OutboundMessage m : s[0].takeOutput()) {
                toClient.execute(() -> c[0].receive(m.octets(), 0, m.octets().length, 0));
            }
            if (s[0].shouldCloseTransport()) {
                toClient.execute(() -> c[0].transportClosed());
            }
        };
        c[0] = new StompClient(new StompClientOutput() {
            @Override
            public void write(byte[] octets) {
                serial.execute(() -> {
                    s[0].receive(ByteBuffer.wrap(octets), 0);
                    flush.run();
                });
            }

            @Override
            public void close() {
                serial.execute(() -> s[0].transportClosed(0));
            }
        }, StompLimits.DEFAULT);
        s[0] = new StompServerSession(broker, StompServerConfig.DEFAULT, id, () -> serial.execute(flush), 0);
        keep.add(s[0]);
        return c[0];
    }
}
