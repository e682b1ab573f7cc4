package org.wslab.lab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.wslab.lab.common.LabFailure;

/**
 * The message {@code wslab echo} sends: a text from the command line (which must be encodable as
 * UTF-8, RFC 3629 §3 — no unpaired surrogate, RFC 6455 §5.6), random binary of a size, or the
 * bytes of a file or standard input ({@code --from}), binary unless {@code --as-text}, where they
 * must be valid UTF-8 (§8.1). Nothing is ever replaced: a text that cannot be sent as it is, is a
 * usage error naming where it breaks.
 */
final class EchoPayload {
    /** The default text. */
    static final String DEFAULT_TEXT = "Hello, WebSocket";

    private EchoPayload() {}

    /** {@code text}, or a usage error naming its first unpaired surrogate (UTF-8 cannot encode one). */
    static String text(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new LabFailure(String.format("--text: character %d is an unpaired surrogate U+%04X, which UTF-8 "
                        + "cannot encode (RFC 3629 §3) and a text message cannot carry (RFC 6455 §5.6)", i, (int) c));
            }
        }
        return text;
    }

    /** {@code size} random bytes, the same for the same size. */
    static byte[] random(long size) {
        byte[] data = new byte[(int) size];
        new Random(size).nextBytes(data);
        return data;
    }

    /**
     * The bytes of {@code source} ({@code -} is standard input), at most {@code limit}; as a String
     * when {@code asText}, which they must then be valid UTF-8 for.
     */
    static Object from(String source, InputStream stdin, long limit, boolean asText) throws IOException {
        String name = source.equals("-") ? "standard input" : source;
        byte[] bytes;
        if (source.equals("-")) {
            bytes = stdin.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } else {
            Path file = Path.of(source);
            if (!Files.isRegularFile(file)) {
                throw new LabFailure(Files.exists(file) ? "--from: " + file + " is not a regular file"
                        : "--from: no such file: " + file);
            }
            if (Files.size(file) > limit) {
                throw tooBig(name, Files.size(file) + " bytes", limit);
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            } catch (NoSuchFileException gone) {
                throw new LabFailure("--from: no such file: " + file, gone);
            }
        }
        if (bytes.length > limit) {
            throw tooBig(name, "more than " + SizeConverter.format(limit), limit);
        }
        return asText ? utf8(bytes, name) : bytes;
    }

    private static LabFailure tooBig(String name, String size, long limit) {
        return new LabFailure("--from: " + name + " holds " + size + "; echo sends a message of at most "
                + SizeConverter.format(limit) + " (" + limit + " bytes)");
    }

    private static String utf8(byte[] bytes, String name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException bad) {
            int at = in.position();
            throw new LabFailure(String.format("--as-text: %s is not valid UTF-8 at byte %d (0x%02x; RFC 3629 §3), "
                    + "and a text message must be (RFC 6455 §8.1); drop --as-text to send it as binary",
                    name, at, bytes[at] & 0xFF), bad);
        } catch (CharacterCodingException bad) {
            throw new LabFailure("--as-text: " + name + " is not valid UTF-8 (RFC 3629 §3); drop --as-text to send it as binary", bad);
        }
    }
}
