package org.wslab.framing.engine;

import java.util.Optional;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Role;
import org.wslab.framing.deflate.MessageCompressor;
import org.wslab.framing.deflate.MessageDecompressor;
import org.wslab.handshake.deflate.DeflateParameters;

/**
 * What an OPEN {@link Connection} runs on, built from the negotiated extensions (RFC 6455 §9.1,
 * RFC 7692 §6–§7): the frame decoder (RSV1 allowed only when permessage-deflate was agreed,
 * §5.2), the message assembler (inflating with the peer's context-takeover mode) and, with
 * deflate, our compressor (our own context-takeover mode and window, §7.1.1–§7.1.2).
 *
 * @param decoder    reads the peer's frames under the engine's limits
 * @param assembler  turns data frames into messages
 * @param compressor our side of permessage-deflate, or null without it
 */
record OpenPipeline(FrameDecoder decoder, MessageAssembler assembler, MessageCompressor compressor) {

    static OpenPipeline of(Role role, EngineSettings settings, Optional<DeflateParameters> deflate) {
        boolean server = role == Role.SERVER;
        FrameDecoder decoder = new FrameDecoder(new DecoderSettings(role, deflate.isPresent() ? Frame.RSV1 : 0,
                settings.maxFramePayload(), settings.strictLengths()));
        MessageDecompressor inflater = deflate
                .map(p -> new MessageDecompressor(p.peerNoContextTakeover(server))).orElse(null);
        MessageCompressor compressor = deflate
                .map(p -> new MessageCompressor(p.ownNoContextTakeover(server), p.ownMaxWindowBits(server)))
                .orElse(null);
        return new OpenPipeline(decoder, new MessageAssembler(settings.maxMessageSize(), inflater), compressor);
    }
}
