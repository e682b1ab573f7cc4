package org.wslab.lab.server.jetty.updates;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of an {@link UpdateFeed} and its HTTP and WebSocket endpoints.
 *
 * @param retained       updates kept for readers that ask for what they missed; older ones are
 *                       gone (a poll that asks for them gets 410, RFC 9110 §15.5.11)
 * @param maxUpdateBytes the longest update's text in UTF-8 octets
 * @param maxSubscribers held long polls, event streams and WebSocket subscribers at once; one more
 *                       gets 503 (RFC 9110 §15.6.4) or a close with 1013 (RFC 6455 §7.4.1)
 * @param maxQueued      updates queued for one event stream or WebSocket subscriber that has not
 *                       taken the earlier ones; one more ends that subscriber (a slow consumer)
 * @param longPollWait   how long a long poll is held before it is answered 204 without update
 */
public record UpdateLimits(int retained, int maxUpdateBytes, int maxSubscribers, int maxQueued, Duration longPollWait) {
    /** 256 retained, 4 KiB updates, 1,024 subscribers, 64 queued each, long polls held 20 s. */
    public static final UpdateLimits DEFAULT = new UpdateLimits(256, 4096, 1024, 64, Duration.ofSeconds(20));

    public UpdateLimits {
        Objects.requireNonNull(longPollWait, "longPollWait");
        if (retained < 1 || maxUpdateBytes < 1 || maxSubscribers < 1 || maxQueued < 1
                || longPollWait.isNegative() || longPollWait.isZero()) {
            throw new IllegalArgumentException("update limits are positive");
        }
    }
}
