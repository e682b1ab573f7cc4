package org.wslab.tutorials.measuring;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The two classic ways a micro-benchmark measures nothing, next to the right way: a result the
 * JIT can see is unused (dead code) and an input it can see is constant (constant folding). The
 * chapter "Measuring" runs these with JMH and prints the times side by side.
 */
// tag::mistakes[]
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JmhMistakes {
    private static final int CONSTANT = 0x2545F491; // the JIT sees this value
    private int input = 0x2545F491;                 // a field: read on every call

    /** Sixteen rounds of multiply, shift and add: pure arithmetic, like a hash or a codec's inner loop. */
    static int mix(int x) {
        for (int round = 0; round < 16; round++) {
            x = x * 0x9E3779B1 + (x >>> 15);
        }
        return x;
    }

    @Benchmark
    public void emptyMethod() {
        // nothing: the cost of the call JMH makes around every benchmark method
    }

    @Benchmark
    public void resultUnused() {
        mix(input); // <1>
    }

    @Benchmark
    public int inputConstant() {
        return mix(CONSTANT); // <2>
    }

    @Benchmark
    public int measuredRight() {
        return mix(input); // <3>
    }
}
// end::mistakes[]
