package org.wslab.conformance.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;

/**
 * A deliberately broken echo server on a raw {@link ServerSocket}, a thread per connection: it
 * does the opening handshake with the handshake module and echoes frame by frame, right in every
 * respect the catalogue checks (UTF-8 of text messages included, frame by frame) except its one
 * {@link Flaw}. The checker must catch exactly that.
 */
public final class BrokenServer implements AutoCloseable {
    /** The one thing it gets wrong. */
    public enum Flaw {
        /** Accepts frames with RSV bits set and echoes them untouched (breaks RFC 6455 §5.2). */
        IGNORES_RSV,
        /** Answers any Close by echoing its body unchecked: bad codes, 1-byte bodies, bad UTF-8 (breaks §5.5.1, §7.4.1). */
        ECHOES_ANY_CLOSE,
        /** Never answers a Close: it just closes TCP (breaks §5.5.1). */
        NO_CLOSE_REPLY,
        /** Never checks UTF-8: echoes invalid text, answers a Close with an invalid reason normally (breaks §8.1). */
        ACCEPTS_INVALID_UTF8,
        /** Accepts permessage-deflate, and echoes a compressed message with RSV1 on every frame (breaks RFC 7692 §6.1). */
        DEFLATE_RSV1_ON_EVERY_FRAME,
        /** Accepts permessage-deflate, and echoes a compressed message inflated but still marked RSV1 (breaks RFC 7692 §6). */
        DEFLATE_PLAIN_WITH_RSV1,
        /** Answers a permessage-deflate offer with the offer itself, client_max_window_bits without a value (breaks RFC 7692 §7.1.2.2). */
        DEFLATE_ECHOES_THE_OFFER;

        /** Whether it negotiates permessage-deflate (the other flaws decline it, so deflate cases are UNIMPLEMENTED). */
        public boolean deflate() {
            return name().startsWith("DEFLATE");
        }
    }

    private final Flaw flaw;
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    public BrokenServer(Flaw flaw) throws IOException {
        this.flaw = flaw;
        acceptor = new Thread(this::accept, "broken-server-" + flaw);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/echo");
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "broken-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        BrokenDeflate deflate = null;
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[16 * 1024];
            RequestHeadParser parser = new RequestHeadParser();
            ByteBuffer rest = null;
            while (rest == null) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                ParseResult<RequestHead> r = parser.feed(buf, 0, n);
                if (r instanceof ParseResult.Failed<RequestHead>) {
                    return;
                }
                if (r instanceof ParseResult.Parsed<RequestHead> p) {
                    ServerDecision d = new ServerHandshake(ServerPolicy.defaults().withPermessageDeflate(false)).respond(p.head());
                    if (!(d instanceof ServerDecision.Accept)) {
                        out.write(d.bytes());
                        return;
                    }
                    var deflateLine = flaw.deflate() ? BrokenDeflate.answer(p.head(), flaw) : java.util.Optional.<String>empty();
                    out.write(deflateLine.map(line -> BrokenDeflate.withLine(d.bytes(), line)).orElse(d.bytes()));
                    deflate = deflateLine.isPresent() ? new BrokenDeflate(flaw) : null;
                    s.setTcpNoDelay(deflate != null); // a thousand round trips must not wait on delayed ACKs
                    rest = ByteBuffer.wrap(Arrays.copyOfRange(buf, p.consumed(), n));
                }
            }
            EchoFrames frames = new EchoFrames(out, Role.SERVER, false, flaw, deflate);
            while (frames.take(rest)) {
                int n = in.read(buf);
                if (n < 0) {
                    return;
                }
                rest = ByteBuffer.wrap(buf, 0, n);
            }
            linger(s, in, buf);
        } catch (IOException gone) {
            // the client went away: nothing to do
        } finally {
            open.remove(s);
        }
    }

    /** Closes its half first and reads what the client still sends (§7.1.1), so a reset never eats our Close. */
    private static void linger(Socket s, InputStream in, byte[] buf) throws IOException {
        s.shutdownOutput();
        s.setSoTimeout(1000);
        try {
            while (in.read(buf) >= 0) {
                // discard
            }
        } catch (java.net.SocketTimeoutException enough) {
            // the client kept its half open; close anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
