package org.wslab.conformance.servers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.wslab.framing.codec.BoundedBuffer;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.deflate.InflateOutcome;
import org.wslab.framing.deflate.MessageDecompressor;
import org.wslab.handshake.deflate.DeflateOffer;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.RequestHead;

/**
 * {@link BrokenServer}'s permessage-deflate (RFC 7692), for its deflate flaws: an acceptance of
 * the first offer that is right (it asks {@code client_no_context_takeover}, §7.1.1.2, and matches
 * a small {@code server_max_window_bits} with the same {@code client_max_window_bits}, §7.1.2, so
 * our own compressed messages, echoed untouched, are a valid answer under any offer) unless the
 * flaw is in the answer, and an echo that is right unless the flaw is in the frames.
 */
final class BrokenDeflate {
    private final BrokenServer.Flaw flaw;
    private final MessageDecompressor inflater = new MessageDecompressor(true);
    private ByteArrayOutputStream message;
    private Opcode opcode;

    BrokenDeflate(BrokenServer.Flaw flaw) {
        this.flaw = flaw;
    }

    /** The Sec-WebSocket-Extensions line answering the request's first permessage-deflate offer, if any. */
    static Optional<String> answer(RequestHead request, BrokenServer.Flaw flaw) {
        if (!(ExtensionHeader.parse(request.headers().all("Sec-WebSocket-Extensions"))
                instanceof ExtensionHeader.Result.Parsed p)) {
            return Optional.empty();
        }
        Optional<ExtensionOffer> first = p.offers().stream().filter(DeflateOffer::isPermessageDeflate).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        if (flaw == BrokenServer.Flaw.DEFLATE_ECHOES_THE_OFFER) { // client_max_window_bits without a value: §7.1.2.2
            return Optional.of("Sec-WebSocket-Extensions: " + ExtensionHeader.format(List.of(first.get())));
        }
        DeflateOffer o = ((DeflateOffer.Reading.Valid) DeflateOffer.read(first.get())).offer();
        String bits = o.serverMaxWindowBits().isPresent() ? "; server_max_window_bits=" + o.serverMaxWindowBits().getAsInt()
                + "; client_max_window_bits=" + o.serverMaxWindowBits().getAsInt() : "";
        return Optional.of("Sec-WebSocket-Extensions: permessage-deflate; client_no_context_takeover"
                + (o.serverNoContextTakeover() ? "; server_no_context_takeover" : "") + bits);
    }

    /** {@code response} (a 101 head) with {@code line} added before its blank line. */
    static byte[] withLine(byte[] response, String line) {
        String head = new String(response, StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n");
        return (head.substring(0, end + 2) + line + "\r\n" + head.substring(end + 2)).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * What to send back for one data frame of a compressed message (RSV1 on its first): the frame
     * itself, with RSV1 on every frame for {@code DEFLATE_RSV1_ON_EVERY_FRAME}; for
     * {@code DEFLATE_PLAIN_WITH_RSV1} nothing until the message ends, then its inflated bytes in one
     * frame that still says RSV1. Null when nothing is to be sent yet.
     */
    Frame echo(Frame f, boolean compressedMessage) {
        if (!compressedMessage) {
            return f.withoutMask();
        }
        if (flaw == BrokenServer.Flaw.DEFLATE_RSV1_ON_EVERY_FRAME) {
            return f.withoutMask().withRsv(Frame.RSV1);
        }
        if (flaw != BrokenServer.Flaw.DEFLATE_PLAIN_WITH_RSV1) {
            return f.withoutMask();
        }
        if (f.opcode() != Opcode.CONTINUATION) {
            message = new ByteArrayOutputStream();
            opcode = f.opcode();
        }
        message.writeBytes(f.payload());
        if (!f.fin()) {
            return null;
        }
        BoundedBuffer plain = new BoundedBuffer(64L << 20);
        if (inflater.inflate(message.toByteArray(), plain) instanceof InflateOutcome.Refused) {
            return Frame.of(true, Opcode.CLOSE, new byte[] {0x03, (byte) 0xEA}); // 1002
        }
        return new Frame(true, Frame.RSV1, opcode, false, 0, plain.toByteArray());
    }
}
