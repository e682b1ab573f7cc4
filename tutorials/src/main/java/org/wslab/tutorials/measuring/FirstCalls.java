package org.wslab.tutorials.measuring;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.wslab.framing.codec.Masking;

/**
 * Why JMH warms up: each call of this benchmark masks one 64 KiB payload (RFC 6455 §5.3) and is
 * timed on its own ({@link Mode#SingleShotTime}), so the first calls — interpreted, then compiled
 * in tiers — show how far they are from the steady state a warmed-up measurement reports.
 */
// tag::firstcalls[]
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FirstCalls {
    private final byte[] payload = new byte[64 * 1024];

    @Benchmark
    public byte[] maskOnePayload() {
        Masking.apply(payload, 0, payload.length, 0x37fa213d, 0);
        return payload; // returned, so JMH consumes it: not dead code
    }
}
// end::firstcalls[]
