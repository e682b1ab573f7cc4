package org.wslab.conformance.clients;

import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A STOMP client written frame by frame over Jetty 12's {@link WebSocketClient}, for the client-mode
 * STOMP cases: the {@link #good} one does what STOMP 1.2 asks (host, id, content-type and -length,
 * heart-beats every 300 ms, DISCONNECT with a receipt, nothing after it); the {@link #broken} one
 * leaves out host, the SUBSCRIBE id, the destination of its first SEND, content-type and -length and
 * the receipt, promises heart-beats it never sends, offers no sub-protocol, and SENDs once more after
 * its DISCONNECT.
 */
public final class ScriptedStompClient implements EchoClient {
    private final boolean good;

    private ScriptedStompClient(boolean good) {
        this.good = good;
    }

    public static ScriptedStompClient good() {
        return new ScriptedStompClient(true);
    }

    public static ScriptedStompClient broken() {
        return new ScriptedStompClient(false);
    }

    @Override
    public void run(URI uri, int count, long caseMillis) throws Exception {
        WebSocketClient client = new WebSocketClient();
        client.start();
        try {
            for (int i = 0; i < count; i++) {
                Talk talk = new Talk();
                ClientUpgradeRequest request = new ClientUpgradeRequest();
                if (good) {
                    request.setSubProtocols(List.of("v12.stomp"));
                }
                Session s = client.connect(talk, uri, request).get(caseMillis, TimeUnit.MILLISECONDS);
                converse(s, talk, caseMillis);
                talk.ended.await(caseMillis + 2_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            client.stop();
        }
    }

    private void converse(Session s, Talk talk, long caseMillis) throws InterruptedException {
        send(s, good ? "CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:300,0\n\n\0"
                : "CONNECT\naccept-version:1.2\nheart-beat:300,0\n\n\0");
        if (!talk.await("CONNECTED", caseMillis)) {
            return;
        }
        Thread beats = new Thread(() -> {
            try {
                while (good && s.isOpen()) {
                    Thread.sleep(300);
                    send(s, "\n");
                }
            } catch (InterruptedException stop) {
                // the talk is over
            }
        });
        beats.setDaemon(true);
        beats.start();
        try {
            send(s, good ? "SUBSCRIBE\ndestination:/topic/check\nid:0\nack:auto\n\n\0" : "SUBSCRIBE\ndestination:/topic/check\n\n\0");
            if (good) {
                send(s, "SEND\ndestination:/topic/check\ncontent-type:text/plain\ncontent-length:5\n\nhello\0");
            } else {
                send(s, "SEND\n\nlost\0");
                send(s, "SEND\ndestination:/topic/check\n\nhello\0");
            }
            if (!talk.await("MESSAGE", caseMillis)) {
                return;
            }
            if (good) {
                send(s, "DISCONNECT\nreceipt:bye\n\n\0");
                talk.await("RECEIPT", caseMillis);
            } else {
                send(s, "DISCONNECT\n\n\0");
                send(s, "SEND\ndestination:/topic/check\n\nlate\0");
            }
        } finally {
            beats.interrupt();
            s.close(1000, "", Callback.NOOP);
        }
    }

    private static void send(Session s, String frame) {
        s.sendText(frame, Callback.NOOP);
    }

    /** Collects the server's frames by command. */
    public static final class Talk implements Session.Listener.AutoDemanding {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CountDownLatch ended = new CountDownLatch(1);

        boolean await(String command, long millis) throws InterruptedException {
            long until = System.nanoTime() + millis * 1_000_000;
            for (String f; (f = frames.poll(Math.max(1, (until - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS)) != null; ) {
                if (f.startsWith(command + "\n")) {
                    return true;
                }
                if (System.nanoTime() - until > 0) {
                    return false;
                }
            }
            return false;
        }

        @Override
        public void onWebSocketText(String message) {
            frames.add(message.stripLeading());
        }

        @Override
        public void onWebSocketClose(int code, String reason) {
            ended.countDown();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            ended.countDown();
        }
    }

    @Override
    public String toString() {
        return good ? "a scripted STOMP client that keeps the rules" : "a scripted STOMP client that breaks them";
    }
}
