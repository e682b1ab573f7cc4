package org.wslab.framing.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.wslab.framing.codec.DecoderSettings;

/**
 * Limits and timeouts of a {@link Connection}. Every limit has a default and fails the
 * connection with the code of RFC 6455 §7.4.1 when crossed.
 *
 * @param maxFramePayload   largest frame payload accepted (1009), checked from the header; values
 *                          above {@link DecoderSettings#HARD_MAX_FRAME} (the largest Java array)
 *                          are lowered to it
 * @param maxMessageSize    largest message accepted, inflated size included (1009); likewise
 * @param strictLengths     reject non-minimal length encodings (§5.2)
 * @param handshakeTimeoutNanos how long CONNECTING may last; 0 = no limit
 * @param closeTimeoutNanos how long to wait for the peer's close frame after sending ours (§7.1.1)
 * @param idleTimeoutNanos  close with 1001 after this long without input; 0 = no limit
 * @param maskKeys          source of client masking keys (§5.3); null = {@code SecureRandom}
 * @param listener          sees every frame both ways
 */
public record EngineSettings(long maxFramePayload, long maxMessageSize, boolean strictLengths,
                             long handshakeTimeoutNanos, long closeTimeoutNanos, long idleTimeoutNanos,
                             IntSupplier maskKeys, FrameListener listener) {
    /** 16 MiB, the lab's default frame and message limit. */
    public static final long DEFAULT_MAX_SIZE = 16L * 1024 * 1024;
    /** How long CONNECTING may last by default: a client that never completes its request is dropped (§4.1). */
    public static final long DEFAULT_HANDSHAKE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long to wait for the peer's close frame after ours by default (§7.1.1). */
    public static final long DEFAULT_CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    public EngineSettings {
        if (maxFramePayload <= 0 || maxMessageSize <= 0 || closeTimeoutNanos < 0 || idleTimeoutNanos < 0
                || handshakeTimeoutNanos < 0) {
            throw new IllegalArgumentException("limits are positive, timeouts non-negative");
        }
        listener = listener == null ? FrameListener.NONE : listener;
        // no payload or message can exceed a Java array; a larger setting means "as large as we can hold"
        maxFramePayload = Math.min(maxFramePayload, DecoderSettings.HARD_MAX_FRAME);
        maxMessageSize = Math.min(maxMessageSize, DecoderSettings.HARD_MAX_FRAME);
    }

    /** 16 MiB frames and messages, strict lengths, 10 s handshake, 5 s close, no idle timeout. */
    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_MAX_SIZE, DEFAULT_MAX_SIZE, true, DEFAULT_HANDSHAKE_TIMEOUT_NANOS,
                DEFAULT_CLOSE_TIMEOUT_NANOS, 0, null, FrameListener.NONE);
    }

    /** With both the frame and the message limit set to {@code bytes}. */
    public EngineSettings withMaxSize(long bytes) {
        return new EngineSettings(bytes, bytes, strictLengths, handshakeTimeoutNanos, closeTimeoutNanos,
                idleTimeoutNanos, maskKeys, listener);
    }

    /** With separate frame and message limits. */
    public EngineSettings withLimits(long frame, long message) {
        return new EngineSettings(frame, message, strictLengths, handshakeTimeoutNanos, closeTimeoutNanos,
                idleTimeoutNanos, maskKeys, listener);
    }

    /** With the given timeouts (nanoseconds; 0 disables the handshake and idle ones). */
    public EngineSettings withTimeouts(long handshake, long close, long idle) {
        return new EngineSettings(maxFramePayload, maxMessageSize, strictLengths, handshake, close, idle,
                maskKeys, listener);
    }

    /** With an idle timeout (nanoseconds; 0 = none), the other timeouts kept. */
    public EngineSettings withIdleTimeout(long idle) {
        return withTimeouts(handshakeTimeoutNanos, closeTimeoutNanos, idle);
    }

    /** With a masking-key source (tests: a fixed or seeded one). */
    public EngineSettings withMaskKeys(IntSupplier keys) {
        return new EngineSettings(maxFramePayload, maxMessageSize, strictLengths, handshakeTimeoutNanos,
                closeTimeoutNanos, idleTimeoutNanos, keys, listener);
    }

    /** With a frame listener (e.g. the CLI's trace printer). */
    public EngineSettings withListener(FrameListener l) {
        return new EngineSettings(maxFramePayload, maxMessageSize, strictLengths, handshakeTimeoutNanos,
                closeTimeoutNanos, idleTimeoutNanos, maskKeys, l);
    }
}
