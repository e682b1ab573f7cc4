package org.wslab.conformance.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.wslab.conformance.servers.BrokenServer.Flaw;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.text.Utf8Validator;

/**
 * One echo connection's frame handling for the broken peers ({@link BrokenServer}, {@link BrokenClient}),
 * in either role: echoes messages frame by frame, answers Pings and Closes, and fails the connection as
 * RFC 6455 asks (§5.1-§5.5, §7.4.1, §8.1, UTF-8 checked frame by frame) — except for its one {@link Flaw}.
 */
public final class EchoFrames {
    private final OutputStream out;
    private final boolean masks;
    private final Flaw flaw;
    /** Permessage-deflate, when it was agreed; null otherwise. */
    private final BrokenDeflate deflate;
    private final FrameDecoder decoder;
    private final Random keys = new Random();
    private final Utf8Validator text = new Utf8Validator();
    private boolean inMessage;
    private boolean inText;
    private boolean compressed;

    /**
     * Frames of one connection in {@code role}, writing to {@code out}; {@code masks} says whether our
     * frames are masked (a client MUST, §5.3; false breaks §5.1 on purpose), {@code flaw} is the one
     * thing done wrong, or null.
     */
    public EchoFrames(OutputStream out, Role role, boolean masks, Flaw flaw) {
        this(out, role, masks, flaw, null);
    }

    /** As above, with permessage-deflate agreed (RFC 7692 §6) and played by {@code deflate}. */
    EchoFrames(OutputStream out, Role role, boolean masks, Flaw flaw, BrokenDeflate deflate) {
        this.out = out;
        this.masks = masks;
        this.flaw = flaw;
        this.deflate = deflate;
        this.decoder = new FrameDecoder(DecoderSettings.defaults(role)
                .withAllowedRsv(flaw == Flaw.IGNORES_RSV ? 0b111 : deflate != null ? Frame.RSV1 : 0));
    }

    /** Handles what {@code bytes} hold; false once the connection is done. */
    public boolean take(ByteBuffer bytes) throws IOException {
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
        out.write(FrameEncoder.toBytes(masks ? f.withMask(keys.nextInt()) : f));
        out.flush();
    }
}
