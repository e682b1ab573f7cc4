package org.wslab.benchmarks.utf8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.core.internal.NullAppendable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.framing.text.Utf8Validator;

/**
 * Validating a whole text message as UTF-8 (RFC 6455 §8.1 with the grammar of RFC 3629 §4), one
 * verdict per operation: valid or not.
 *
 * <ul>
 *   <li>{@code wslab}: our incremental {@link Utf8Validator}, reset and fed the message.</li>
 *   <li>{@code jdk}: the JDK's strict decoder, {@code StandardCharsets.UTF_8.newDecoder()} with
 *       {@link CodingErrorAction#REPORT}, reused, decoding into a reused {@link CharBuffer}: the
 *       only way the JDK offers to validate without building a {@code String}.</li>
 *   <li>{@code jetty}: the validator Jetty 12's WebSocket core runs on every incoming text frame,
 *       {@code ValidationExtension}'s {@link NullAppendable} (a {@code Utf8StringBuilder} that
 *       keeps no characters): {@code reset()}, {@code append(ByteBuffer)}, {@code complete()},
 *       {@code hasCodingErrors()}.</li>
 * </ul>
 * Inputs ({@link Utf8Inputs}): ASCII JSON, JSON with accents and emoji, mostly 3-octet CJK text,
 * and the mixed text with a surrogate in its last three octets (every implementation must reject).
 */
@Measures(suite = "UTF-8", title = "validate a 64 KiB text payload", spec = "RFC 6455 §8.1, RFC 3629",
        bytesParam = "size")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Utf8ValidateBench {
    @Param({"65536"})
    public int size;

    @Param({"ascii", "mixed", "cjk", "invalidAtEnd"})
    public String input;

    /** The payload; package-private so the test can corrupt it. */
    byte[] text;
    private ByteBuffer textBuffer;
    private final Utf8Validator validator = new Utf8Validator();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars;
    private final NullAppendable jettyValidator = new NullAppendable();

    /** All three give the same verdict, and it is the expected one for the input. */
    @Setup
    public void agree() {
        text = Utf8Inputs.of(input, size);
        textBuffer = ByteBuffer.wrap(text);
        chars = CharBuffer.allocate(size);
        boolean expected = !input.equals("invalidAtEnd");
        Agreement.same("wslab", expected, wslab());
        Agreement.same("jdk", expected, jdk());
        Agreement.same("jetty", expected, jetty());
    }

    @Benchmark
    public boolean wslab() {
        validator.reset();
        return validator.feed(text, 0, text.length) < 0 && validator.finish();
    }

    @Benchmark
    public boolean jdk() {
        decoder.reset();
        textBuffer.clear();
        chars.clear();
        return !decoder.decode(textBuffer, chars, true).isError() && !decoder.flush(chars).isError();
    }

    @Benchmark
    public boolean jetty() {
        jettyValidator.reset();
        textBuffer.clear();
        jettyValidator.append(textBuffer);
        jettyValidator.complete();
        return !jettyValidator.hasCodingErrors();
    }
}
