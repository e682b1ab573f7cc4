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
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.text.Utf8Validator;
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
            Frames frames = new Frames(out, deflate);
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

    /** One connection's frame handling; {@link #take} answers false once the connection is done. */
    private final class Frames {
        private final OutputStream out;
        private final FrameDecoder decoder;
        private final Utf8Validator text = new Utf8Validator();
        /** Permessage-deflate, when it was agreed. */
        private final BrokenDeflate deflate;
        private boolean inMessage;
        private boolean inText;
        private boolean compressed;

        Frames(OutputStream out, BrokenDeflate deflate) {
            this.out = out;
            this.deflate = deflate;
            decoder = new FrameDecoder(DecoderSettings.defaults(Role.SERVER)
                    .withAllowedRsv(flaw == Flaw.IGNORES_RSV ? 0b111 : deflate != null ? Frame.RSV1 : 0));
        }

        boolean take(ByteBuffer bytes) throws IOException {
            while (true) {
                DecodeResult r = decoder.decode(bytes);
                if (r instanceof DecodeResult.NeedMore) {
                    return true;
                }
                if (r instanceof DecodeResult.Failed f) {
                    return close(f.error().closeCode().code());
                }
                if (!frame(((DecodeResult.Decoded) r).frame())) {
                    return false;
                }
            }
        }

        /** Handles one frame; false when the connection is over. */
        private boolean frame(Frame f) throws IOException {
            switch (f.opcode()) {
                case PING -> send(new Frame(true, f.rsv(), Opcode.PONG, false, 0, f.payload()));
                case PONG -> { }
                case CLOSE -> {
                    return closeReply(f.payload());
                }
                case TEXT, BINARY, CONTINUATION -> {
                    boolean starts = f.opcode() != Opcode.CONTINUATION;
                    if (starts == inMessage) { // §5.4: a continuation needs a message, a new message needs none open
                        return close(1002);
                    }
                    inMessage = !f.fin();
                    if (starts) {
                        inText = f.opcode() == Opcode.TEXT;
                        compressed = deflate != null && f.rsv1();
                        text.reset();
                    }
                    if (inText && !compressed && flaw != Flaw.ACCEPTS_INVALID_UTF8 && !validText(f)) { // §8.1, frame by frame
                        return close(1007);
                    }
                    Frame echo = deflate == null ? f.withoutMask() : deflate.echo(f, compressed);
                    if (echo != null) {
                        send(echo);
                    }
                    if (echo != null && echo.opcode() == Opcode.CLOSE) {
                        return false;
                    }
                }
            }
            return true;
        }

        private boolean validText(Frame f) {
            return text.feed(f.payload()) < 0 && (!f.fin() || text.finish());
        }

        private boolean closeReply(byte[] body) throws IOException {
            if (flaw == Flaw.NO_CLOSE_REPLY) {
                return false;
            }
            if (flaw == Flaw.ECHOES_ANY_CLOSE) {
                send(Frame.of(true, Opcode.CLOSE, body));
                return false;
            }
            if (body.length == 1) {
                return close(1002);
            }
            if (body.length >= 2) {
                int code = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
                if (!CloseCode.validOnWire(code)) {
                    return close(1002);
                }
                if (flaw != Flaw.ACCEPTS_INVALID_UTF8 && Utf8Validator.firstInvalid(Arrays.copyOfRange(body, 2, body.length)) >= 0) {
                    return close(1007);
                }
            }
            send(Frame.of(true, Opcode.CLOSE, body.length >= 2 ? Arrays.copyOf(body, 2) : body));
            return false;
        }

        private boolean close(int code) throws IOException {
            send(Frame.of(true, Opcode.CLOSE, new byte[] {(byte) (code >>> 8), (byte) code}));
            return false;
        }

        private void send(Frame f) throws IOException {
            out.write(FrameEncoder.toBytes(f));
            out.flush();
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
