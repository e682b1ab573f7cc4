package org.wslab.benchmarks.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets wslab holds its hot paths to, each a ratio to a real baseline measured in the same
 * run (or an allocation bound), judged by {@link Target#judge}. Where a target is missed the
 * report says so with the measured ratio.
 */
public final class Targets {
    private Targets() {}

    private static final Set<String> SMALL_FRAMES = Set.of("16", "125");
    private static final Map<String, Set<String>> MASK_64K = Map.of("size", Set.of("65536"));

    /** Every target, in the order the report lists them. */
    public static List<Target> all() {
        return List.of(
                new Target.Faster("unmask 64 KiB ≥ 40× our byte loop", "MaskingBench", "byteLoop", MASK_64K, 40),
                new Target.Faster("unmask 64 KiB ≥ 4× Netty", "MaskingBench", "netty", MASK_64K, 4),
                new Target.Faster("unmask 64 KiB ≥ 10× Jetty (heap buffer)", "MaskingBench", "jetty", MASK_64K, 10),
                new Target.Faster("unmask 64 KiB ≥ 10× Jetty (direct buffer)", "MaskingBench", "jettyDirect", MASK_64K, 10),
                new Target.Faster("unmask 256 MiB within 10% of System.arraycopy's bandwidth", "MaskingBench",
                        "arraycopy", Map.of("size", Set.of("268435456")), 0.9),
                new Target.Faster("decode a frame ≤ 125 B as a server (masked) faster than Jetty's Parser",
                        "FrameDecodeBench", "jetty", Map.of("role", Set.of("server"), "size", SMALL_FRAMES), 1),
                new Target.Faster("decode a frame ≤ 125 B as a server (masked) faster than Netty's decoder",
                        "FrameDecodeBench", "netty", Map.of("role", Set.of("server"), "size", SMALL_FRAMES), 1),
                new Target.Faster("decode a frame ≤ 125 B as a client (unmasked) faster than Jetty's Parser",
                        "FrameDecodeBench", "jetty", Map.of("role", Set.of("client"), "size", SMALL_FRAMES), 1),
                new Target.Faster("decode a frame ≤ 125 B as a client (unmasked) faster than Netty's decoder",
                        "FrameDecodeBench", "netty", Map.of("role", Set.of("client"), "size", SMALL_FRAMES), 1),
                new Target.Faster("decode a frame ≤ 125 B into an array of its own (the copying form) as a client "
                        + "faster than Jetty's Parser (which hands out a slice)", "FrameDecodeBench", "wslabCopying", "jetty",
                        Map.of("role", Set.of("client"), "size", SMALL_FRAMES), 1),
                new Target.Faster("decode a frame ≤ 125 B into an array of its own as a server faster than Jetty's Parser",
                        "FrameDecodeBench", "wslabCopying", "jetty", Map.of("role", Set.of("server"), "size", SMALL_FRAMES), 1),
                new Target.AllocatesAtMost("decode a frame ≤ 125 B allocating nothing when handed out in place",
                        "FrameDecodeBench", Map.of("size", SMALL_FRAMES), p -> 1),
                new Target.AllocatesAtMost("decode a frame ≤ 125 B into an array of its own allocating no more than that array",
                        "FrameDecodeBench", "wslabCopying", Map.of("size", SMALL_FRAMES), p -> payloadArray(p.get("size")) + 1),
                new Target.SameBandwidth("masked encode of 64 KiB at the bandwidth of unmasking (within 10%)",
                        "FrameEncodeBench", Map.of("role", Set.of("client"), "size", Set.of("65536")),
                        "MaskingBench", MASK_64K, 0.9),
                new Target.AllocatesAtMost("encode into the caller's buffer allocating nothing per frame",
                        "FrameEncodeBench", Map.of(), p -> 1),
                new Target.Faster("STOMP decode of small frames (CONNECT, 200-octet MESSAGE, a batch of 100) ≥ 5× "
                        + "Spring's StompDecoder", "StompDecodeBench", "spring",
                        Map.of("frame", Set.of("connect", "message200", "batch100")), 5),
                new Target.AllocatesFraction("STOMP decode of small frames with ≤ 1/10 of Spring's allocation",
                        "StompDecodeBench", "spring", Map.of("frame", Set.of("connect", "message200", "batch100")), 0.1),
                new Target.Faster("STOMP encode ≥ 2× Spring's StompEncoder on every frame, the 64 KiB SEND included",
                        "StompEncodeBench", "spring", Map.of(), 2),
                new Target.Faster("UTF-8 validation of ASCII at least as fast as the JDK's CharsetDecoder",
                        "Utf8ValidateBench", "jdk", Map.of("input", Set.of("ascii")), 1),
                new Target.Faster("UTF-8 validation of mixed and CJK text ≥ 1.5× the JDK's CharsetDecoder",
                        "Utf8ValidateBench", "jdk", Map.of("input", Set.of("mixed", "cjk")), 1.5),
                new Target.Faster("echo throughput at 64 connections: our engine's server at least as good as Jetty's",
                        "EchoServerBench", "jetty", Map.of("connections", Set.of("64")), 1),
                new Target.LowerPercentile("echo p99 round trip at 64 connections: our engine's server at most Jetty's",
                        "EchoLatencyBench", "jetty", Map.of("connections", Set.of("64")), 99.0));
    }

    /**
     * Bytes a {@code byte[]} of {@code size} octets takes on a 64-bit JVM with compressed class
     * pointers: a 16-byte header, rounded up to 8 bytes.
     */
    static double payloadArray(String size) {
        long n = Long.parseLong(size);
        return (16 + n + 7) / 8 * 8;
    }
}
