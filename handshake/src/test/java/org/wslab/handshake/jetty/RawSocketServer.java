package org.wslab.handshake.jetty;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;

/**
 * A raw {@link ServerSocket} on port 0 that captures one upgrade request, answers it with our
 * {@link ServerHandshake}, then (on a 101) sends one unmasked text frame. Closed by the test.
 */
final class RawSocketServer implements AutoCloseable {
    final ServerSocket listener;
    final CompletableFuture<RequestHead> request = new CompletableFuture<>();
    final CompletableFuture<ServerDecision> decision = new CompletableFuture<>();
    private volatile Socket accepted;

    RawSocketServer(ServerHandshake handshake, String firstMessage) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> serve(handshake, firstMessage), "raw-ws-server");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve(ServerHandshake handshake, String firstMessage) {
        try {
            Socket s = listener.accept();
            accepted = s;
            RequestHeadParser parser = new RequestHeadParser();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[1024];
            ServerDecision d = null;
            while (d == null) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("closed before the request head ended");
                }
                ParseResult<RequestHead> r = parser.feed(buf, 0, n);
                if (r instanceof ParseResult.Parsed<RequestHead> p) {
                    request.complete(p.head());
                    d = handshake.respond(p.head());
                } else if (r instanceof ParseResult.Failed<RequestHead> f) {
                    d = handshake.refuse(f.failure());
                }
            }
            s.getOutputStream().write(d.bytes());
            if (d instanceof ServerDecision.Accept) {
                s.getOutputStream().write(Frames.unmaskedText(firstMessage));
            }
            s.getOutputStream().flush();
            decision.complete(d);
        } catch (IOException | RuntimeException e) {
            request.completeExceptionally(e);
            decision.completeExceptionally(e);
        }
    }

    @Override
    public void close() throws IOException {
        Socket s = accepted;
        if (s != null) {
            s.close();
        }
        listener.close();
    }
}
