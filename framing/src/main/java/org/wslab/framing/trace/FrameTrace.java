package org.wslab.framing.trace;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.text.Utf8Validator;

/**
 * Renders a frame as the bytes that travel on the wire, each header field labelled after the
 * RFC 6455 §5.2 diagram, for the CLI's {@code --trace} and the tutorials:
 *
 * <pre>
 * 81                FIN=1 RSV=000 opcode=0x1 (TEXT)
 * 85                MASK=1 payload length=5 (7-bit form)
 * 37 fa 21 3d       masking key
 * 7f 9f 4d 51 58    payload, masked on the wire; unmasked: "Hello"
 * </pre>
 */
public final class FrameTrace {
    /** Payload bytes shown before the dump is cut short. */
    public static final int DEFAULT_PAYLOAD_BYTES = 32;
    private static final int COLUMN = 18;

    private FrameTrace() {}

    /**
     * One labelled run of wire bytes: a header field of the RFC 6455 §5.2 diagram, or the payload.
     *
     * @param offset where the bytes start in the encoded frame
     * @param bytes  the bytes (for the payload: at most the number asked to show)
     * @param label  what they are
     */
    public record Field(int offset, byte[] bytes, String label) {}

    /** The annotated dump of {@code frame} as it is encoded (its own mask key, if any). */
    public static String render(Frame frame) {
        return render(frame, DEFAULT_PAYLOAD_BYTES);
    }

    /** Like {@link #render(Frame)}, showing at most {@code maxPayloadBytes} payload bytes. */
    public static String render(Frame frame, int maxPayloadBytes) {
        StringBuilder out = new StringBuilder();
        for (Field f : fields(frame, maxPayloadBytes)) {
            line(out, f.bytes(), f.label());
        }
        return out.toString();
    }

    /** The frame's wire bytes cut into labelled fields, in order (payload cut at {@code maxPayloadBytes}). */
    public static List<Field> fields(Frame frame, int maxPayloadBytes) {
        byte[] wire = FrameEncoder.toBytes(frame);
        List<Field> fields = new ArrayList<>(5);
        int b0 = wire[0] & 0xFF;
        fields.add(field(wire, 0, 1, String.format("FIN=%d RSV=%s opcode=0x%X (%s)%s", b0 >>> 7,
                bits3(frame.rsv()), frame.opcode().code(), frame.opcode(),
                frame.rsv1() ? " RSV1: per-message compressed" : "")));
        int len7 = wire[1] & 0x7F;
        int p = 2;
        String form = len7 <= 125 ? "7-bit form" : len7 == 126 ? "16-bit form follows" : "64-bit form follows";
        fields.add(field(wire, 1, 1, String.format("MASK=%d payload length code=%d (%s)", (wire[1] & 0x80) >>> 7, len7, form)));
        if (len7 == 126) {
            fields.add(field(wire, 2, 2, "extended payload length=" + frame.length()));
            p = 4;
        } else if (len7 == 127) {
            fields.add(field(wire, 2, 8, "extended payload length=" + frame.length()));
            p = 10;
        }
        if (frame.masked()) {
            fields.add(field(wire, p, 4, "masking key"));
            p += 4;
        }
        int n = frame.length();
        if (n == 0) {
            fields.add(new Field(p, new byte[0], "(empty payload)"));
            return fields;
        }
        int shown = Math.min(n, maxPayloadBytes);
        String label = (frame.masked() ? "payload, masked on the wire" : "payload")
                + (shown < n ? " (first " + shown + " of " + n + " bytes)" : " (" + n + " bytes)")
                + preview(frame);
        fields.add(field(wire, p, shown, label));
        return fields;
    }

    private static Field field(byte[] wire, int from, int count, String label) {
        return new Field(from, Arrays.copyOfRange(wire, from, from + count), label);
    }

    private static String preview(Frame frame) {
        byte[] payload = frame.payload();
        if (frame.rsv1()) {
            return "";
        }
        if (frame.opcode() == Opcode.CLOSE && payload.length >= 2) {
            int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
            return "; close code " + code + text(payload, 2).replace("; text", ", reason");
        }
        if (frame.opcode() == Opcode.TEXT || frame.opcode() == Opcode.PING || frame.opcode() == Opcode.PONG
                || frame.opcode() == Opcode.CONTINUATION) {
            return text(payload, 0);
        }
        return "";
    }

    private static String text(byte[] payload, int from) {
        int n = Math.min(payload.length - from, 48);
        if (n <= 0) {
            return "";
        }
        byte[] slice = Arrays.copyOfRange(payload, from, from + n);
        if (Utf8Validator.firstInvalid(slice) >= 0) {
            return "";
        }
        String s = new String(slice, StandardCharsets.UTF_8).replace("\n", "\\n").replace("\r", "\\r");
        return "; text \"" + s + "\"" + (n < payload.length - from ? "…" : "");
    }

    private static String bits3(int rsv) {
        return "" + ((rsv >> 2) & 1) + ((rsv >> 1) & 1) + (rsv & 1);
    }

    private static void line(StringBuilder out, byte[] bytes, String label) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0 && i % 16 == 0) {
                out.append(i == 16 ? pad(hex.toString()) + label : hex.toString().stripTrailing()).append('\n');
                hex.setLength(0);
            }
            hex.append(String.format("%02x ", bytes[i] & 0xFF));
        }
        if (bytes.length <= 16) {
            out.append(pad(hex.toString())).append(label).append('\n');
        } else {
            out.append(hex.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(String s) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < COLUMN) {
            b.append(' ');
        }
        if (b.length() > COLUMN) {
            b.append(' ');
        }
        return b.toString();
    }
}
