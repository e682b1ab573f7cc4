package org.wslab.framing.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * Incremental frame reader (RFC 6455 §5.2): feed byte buffers split anywhere, get frames one at a
 * time. Every header rule is checked as soon as the bytes that break it have arrived, and the
 * frame-size limit is checked from the header <em>before</em> the payload array is allocated,
 * so a header claiming 2^62 bytes costs nothing. After a failure the decoder stays failed.
 *
 * <p>Memory follows the bytes that actually arrive, not the length a header claims: a payload
 * already wholly in the input is copied once into an array of its exact size (unmasked while it
 * is copied, §5.3); otherwise the buffer starts at {@code min(claimed, max(64 KiB, bytes
 * present))} and doubles as bytes come (never past the claim), so a peer that sends headers
 * claiming 16 MiB and then stalls holds at most 64 KiB of ours per connection
 * ({@link #bufferedCapacity()}). A header wholly in the input is read from it in place; only a
 * header split across reads is gathered into a 14-octet scratch array.
 *
 * <p>Usage: {@code while ((r = decoder.decode(buf)) instanceof Decoded d) { ... }} — then
 * {@code r} is {@link DecodeResult.NeedMore} (feed more) or {@link DecodeResult.Failed}. The hot
 * path {@code while (decoder.decode(buf, sink) == DecodeStep.FRAME) {}} hands each frame's fields
 * to a {@link FrameSink} and allocates nothing but the payload.
 */
public final class FrameDecoder {
    private static final int FIN = 0x80;
    private static final int RSV_MASK = 0x70;
    private static final int OPCODE_MASK = 0x0F;
    private static final int MASK_BIT = 0x80;
    private static final int LEN7_MASK = 0x7F;
    private static final byte[] EMPTY = new byte[0];
    /** First allocation for a payload that has not arrived yet. */
    static final int INITIAL_PAYLOAD_BUFFER = 64 * 1024;

    private final DecoderSettings settings;
    private final byte[] head = new byte[14];
    private int headHave;
    private int headNeed = 2;
    private byte[] payload;
    private int payloadLength = -1;
    private int payloadHave;
    private boolean fin;
    private int rsv;
    private Opcode opcode;
    private boolean masked;
    private int maskKey;
    /** The payload of the frame {@link #step} just completed: {@code completed[completedOffset, +completedLength)}. */
    private byte[] completed;
    private int completedOffset;
    private int completedLength;
    private DecodeResult.Failed failure;

    /** A decoder enforcing {@code settings}. */
    public FrameDecoder(DecoderSettings settings) {
        this.settings = settings;
    }

    /** The settings in force. */
    public DecoderSettings settings() {
        return settings;
    }

    /** Whether the decoder sits between frames (no partial header or payload buffered). */
    public boolean atFrameBoundary() {
        return headHave == 0 && payloadLength < 0;
    }

    /** Bytes held for the frame in progress (0 between frames): grows with the bytes received. */
    public int bufferedCapacity() {
        return payload == null ? 0 : payload.length;
    }

    /** The rule the stream broke, once the decoder has failed. */
    public Optional<ProtocolError> error() {
        return failure == null ? Optional.empty() : Optional.of(failure.error());
    }

    /**
     * Consumes bytes from {@code in} until one frame is complete, the buffer is empty, or a rule
     * is broken. Never throws for any input.
     */
    public DecodeResult decode(ByteBuffer in) {
        DecodeStep s = step(in, false);
        if (s == DecodeStep.FRAME) {
            return new DecodeResult.Decoded(new Frame(fin, rsv, opcode, masked, maskKey, takeCompleted()));
        }
        return s == DecodeStep.NEED_MORE ? DecodeResult.NeedMore.INSTANCE : failure;
    }

    /**
     * Like {@link #decode(ByteBuffer)}, but a whole frame goes to {@code sink} (before this
     * returns {@link DecodeStep#FRAME}) and nothing is allocated besides its payload. Same rules,
     * limits, errors and consumption of {@code in}; the two may be mixed on one decoder.
     */
    public DecodeStep decode(ByteBuffer in, FrameSink sink) {
        DecodeStep s = step(in, false);
        if (s == DecodeStep.FRAME) {
            sink.frame(fin, rsv, opcode, masked, maskKey, takeCompleted());
        }
        return s;
    }

    /**
     * Like {@link #decode(ByteBuffer, FrameSink)}, allocating nothing at all when a whole payload
     * lies in {@code in} and {@code in} is a writable heap buffer: the payload is then unmasked
     * <em>in place</em> in {@code in}'s array (those octets of the caller's buffer change) and
     * handed to {@code sink} as a window of it. Otherwise (a payload spread over several reads, a
     * direct or read-only buffer) the sink gets the payload's own array at offset 0.
     */
    public DecodeStep decodeInPlace(ByteBuffer in, FrameViewSink sink) {
        DecodeStep s = step(in, true);
        if (s == DecodeStep.FRAME) {
            sink.frame(fin, rsv, opcode, masked, maskKey, takeCompleted(), completedOffset, completedLength);
        }
        return s;
    }

    private byte[] takeCompleted() {
        byte[] p = completed;
        completed = null;
        return p;
    }

    /** Decodes at most one frame; {@code inPlace}: a whole payload in a writable heap {@code in} stays there. */
    private DecodeStep step(ByteBuffer in, boolean inPlace) {
        if (failure != null) {
            return DecodeStep.FAILED;
        }
        if (payloadLength < 0) {
            ProtocolError e = headHave == 0 && in.remaining() >= 2 ? headerInPlace(in) : headerGathered(in);
            if (e != null) {
                return fail(e);
            }
            if (payloadLength < 0) {
                return DecodeStep.NEED_MORE;
            }
        }
        int take = Math.min(payloadLength - payloadHave, in.remaining());
        if (inPlace && payloadHave == 0 && take == payloadLength && in.hasArray()) {
            int at = in.arrayOffset() + in.position();
            Masking.apply(in.array(), at, take, maskKey, 0);
            in.position(in.position() + take);
            return complete(in.array(), at);
        }
        if (take > 0) {
            ensureCapacity(payloadHave + take);
            int pos = in.position();
            if (in.hasArray()) {
                Masking.copy(in.array(), in.arrayOffset() + pos, payload, payloadHave, take, maskKey, payloadHave);
                in.position(pos + take);
            } else {
                in.get(payload, payloadHave, take);
                Masking.apply(payload, payloadHave, take, maskKey, payloadHave);
            }
            payloadHave += take;
        }
        if (payloadHave < payloadLength) {
            return DecodeStep.NEED_MORE;
        }
        // the buffer never grows past the claim, so a complete payload fills it exactly
        return complete(payloadLength == 0 ? EMPTY : payload, 0);
    }

    private DecodeStep complete(byte[] buf, int off) {
        completed = buf;
        completedOffset = off;
        completedLength = payloadLength;
        payload = null;
        payloadLength = -1;
        payloadHave = 0;
        headHave = 0;
        headNeed = 2;
        return DecodeStep.FRAME;
    }

    /**
     * The fast path, at a frame boundary with at least two octets: the header is read where it
     * lies. When it is not all there, what is there goes to {@link #head} as the slow path would
     * have left it. Consumes exactly what {@link #headerGathered} would.
     */
    private ProtocolError headerInPlace(ByteBuffer in) {
        int p = in.position();
        int b0 = in.get(p) & 0xFF;
        int b1 = in.get(p + 1) & 0xFF;
        ProtocolError e = checkFirstTwo(b0, b1);
        int avail = in.remaining();
        if (e != null || avail < headNeed) {
            int n = e != null ? 2 : avail;
            in.get(head, 0, n);
            headHave = n;
            return e;
        }
        int len7 = b1 & LEN7_MASK;
        boolean bigEndian = in.order() == ByteOrder.BIG_ENDIAN;
        long length;
        int k;
        if (len7 == 126) {
            length = in.getShort(p + 2) & 0xFFFF;
            length = bigEndian ? length : Short.reverseBytes((short) length) & 0xFFFF;
            k = p + 4;
        } else if (len7 == 127) {
            length = bigEndian ? in.getLong(p + 2) : Long.reverseBytes(in.getLong(p + 2));
            k = p + 10;
        } else {
            length = len7;
            k = p + 2;
        }
        int key = 0;
        if (masked) {
            key = bigEndian ? in.getInt(k) : Integer.reverseBytes(in.getInt(k));
        }
        in.position(p + headNeed);
        headHave = headNeed;
        e = startPayload(len7, length, key);
        if (e == null) {
            headHave = 0;
        }
        return e;
    }

    /** The slow path: the header in at most two bulk reads into {@link #head}. */
    private ProtocolError headerGathered(ByteBuffer in) {
        while (headHave < headNeed) {
            if (!in.hasRemaining()) {
                return null;
            }
            int before = headHave;
            int n = Math.min(headNeed - headHave, in.remaining());
            in.get(head, headHave, n);
            headHave += n;
            if (before < 2 && headHave == 2) {
                ProtocolError e = checkFirstTwo(head[0] & 0xFF, head[1] & 0xFF);
                if (e != null) {
                    return e;
                }
            }
        }
        int len7 = head[1] & LEN7_MASK;
        int ext = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        long length = len7;
        if (ext > 0) {
            length = 0;
            for (int i = 2; i < 2 + ext; i++) {
                length = (length << 8) | (head[i] & 0xFF);
            }
        }
        int key = 0;
        if (masked) {
            for (int i = 2 + ext; i < 6 + ext; i++) {
                key = (key << 8) | (head[i] & 0xFF);
            }
        }
        ProtocolError e = startPayload(len7, length, key);
        if (e == null) {
            headHave = 0;
        }
        return e;
    }

    /** Reads the first two octets into the fields and checks them ({@link HeaderRules#firstTwo}). */
    private ProtocolError checkFirstTwo(int b0, int b1) {
        fin = (b0 & FIN) != 0;
        rsv = (b0 & RSV_MASK) >>> 4;
        opcode = Opcode.orNull(b0 & OPCODE_MASK);
        masked = (b1 & MASK_BIT) != 0;
        int len7 = b1 & LEN7_MASK;
        headNeed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (masked ? 4 : 0);
        return HeaderRules.firstTwo(settings, b0, b1);
    }

    /** The length rules ({@link HeaderRules#length}) on a whole header; then the payload may start. */
    private ProtocolError startPayload(int len7, long length, int key) {
        ProtocolError e = HeaderRules.length(settings, len7, length);
        if (e != null) {
            return e;
        }
        maskKey = key;
        payloadLength = (int) length;
        payloadHave = 0;
        return null;
    }

    /**
     * Makes room for {@code needed} payload bytes: exact when the whole payload is here (one copy,
     * no regrowth), else at least 64 KiB and at least double the old size, never past the claim.
     */
    private void ensureCapacity(int needed) {
        int have = payload == null ? 0 : payload.length;
        if (needed <= have) {
            return;
        }
        int grown = (int) Math.min(payloadLength,
                Math.max(needed, Math.max((long) INITIAL_PAYLOAD_BUFFER, 2L * have)));
        payload = payload == null ? new byte[grown] : Arrays.copyOf(payload, grown);
    }

    private DecodeStep fail(ProtocolError error) {
        failure = new DecodeResult.Failed(error);
        payload = null;
        payloadLength = -1;
        return DecodeStep.FAILED;
    }
}
