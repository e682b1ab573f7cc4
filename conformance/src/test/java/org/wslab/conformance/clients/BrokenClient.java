package org.wslab.conformance.clients;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.wslab.conformance.servers.BrokenServer;
import org.wslab.conformance.servers.EchoFrames;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;

/**
 * A deliberately broken echo client on a raw socket: the opening handshake with the handshake
 * module (RFC 6455 §4.1), then {@link EchoFrames} in the client role — right in every respect the
 * cases check (a masked server frame fails the connection, §5.1; it waits for the server to close
 * TCP, §7.1.1) except its one {@link Flaw}. The client mode must catch exactly that.
 */
public final class BrokenClient implements EchoClient {
    /** The one thing it gets wrong. */
    public enum Flaw {
        /** Sends its frames unmasked (breaks §5.1, §5.3: a client MUST mask every frame). */
        SENDS_UNMASKED,
        /** Never checks UTF-8: echoes invalid text, answers a Close with an invalid reason normally (breaks §8.1). */
        ACCEPTS_INVALID_UTF8,
        /** Never answers the server's Close: it waits for TCP to close instead (breaks §5.5.1). */
        NO_CLOSE_REPLY
    }

    private final Flaw flaw;

    public BrokenClient(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public void run(URI uri, int count, long caseMillis) throws Exception {
        WebSocketUri target = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(uri.toString())).uri();
        for (int i = 0; i < count; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(target.host(), target.port()), (int) caseMillis);
                s.setSoTimeout((int) caseMillis * 2);
                play(s, target);
            } catch (java.io.IOException gone) {
                // the server ended the case under us: on to the next
            }
        }
    }

    private void play(Socket s, WebSocketUri target) throws java.io.IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        ClientHandshake hs = ClientHandshake.create(target, ClientOptions.defaults());
        out.write(hs.requestBytes());
        byte[] buf = new byte[16 * 1024];
        ResponseHeadParser parser = new ResponseHeadParser();
        ByteBuffer rest = null;
        while (rest == null) {
            int n = in.read(buf);
            if (n < 0) {
                return;
            }
            ParseResult<ResponseHead> r = parser.feed(buf, 0, n);
            if (r instanceof ParseResult.Failed<ResponseHead>) {
                return;
            }
            if (r instanceof ParseResult.Parsed<ResponseHead> p) {
                if (!(hs.validate(p.head()) instanceof ClientVerdict.Accepted)) {
                    return;
                }
                rest = ByteBuffer.wrap(Arrays.copyOfRange(buf, p.consumed(), n));
            }
        }
        EchoFrames frames = new EchoFrames(out, Role.CLIENT, flaw != Flaw.SENDS_UNMASKED,
                switch (flaw) {
                    case ACCEPTS_INVALID_UTF8 -> BrokenServer.Flaw.ACCEPTS_INVALID_UTF8;
                    case NO_CLOSE_REPLY -> BrokenServer.Flaw.NO_CLOSE_REPLY;
                    case SENDS_UNMASKED -> null;
                });
        while (frames.take(rest)) {
            int n = in.read(buf);
            if (n < 0) {
                return;
            }
            rest = ByteBuffer.wrap(buf, 0, n);
        }
        while (in.read(buf) >= 0) {
            // §7.1.1: the client waits for the server to close TCP first
        }
    }

    @Override
    public String toString() {
        return "a client that " + flaw;
    }
}
