package org.wslab.benchmarks.report;

import java.util.Map;
import java.util.SortedMap;

/**
 * One JMH result as the report uses it: one benchmark method at one set of parameter values,
 * its time per operation normalised to nanoseconds with the 99.9% confidence interval JMH gives,
 * and the bytes it allocated per operation ({@code -prof gc}'s {@code gc.alloc.rate.norm}).
 *
 * @param className   the benchmark class, fully qualified
 * @param method      the benchmark method (the implementation it runs)
 * @param params      parameter values, by name, in name order
 * @param nanos       mean time per operation in ns
 * @param lowNanos    lower bound of JMH's 99.9% confidence interval (NaN without one)
 * @param highNanos   upper bound (NaN without one)
 * @param allocBytes  bytes allocated per operation (NaN when not profiled)
 * @param percentiles time percentiles in ns by percentile (e.g. 99.0), empty unless sampled
 */
public record Measurement(String className, String method, SortedMap<String, String> params,
        double nanos, double lowNanos, double highNanos, double allocBytes, Map<Double, Double> percentiles) {

    /** The class's simple name ({@code MaskingBench}). */
    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Whether JMH gave a confidence interval (it needs at least two measured iterations). */
    public boolean hasInterval() {
        return !Double.isNaN(lowNanos) && !Double.isNaN(highNanos);
    }

    /** Whether this interval and {@code other}'s overlap (the difference may be noise). */
    public boolean overlaps(Measurement other) {
        return hasInterval() && other.hasInterval() && lowNanos <= other.highNanos && other.lowNanos <= highNanos;
    }

    /** The parameters as {@code name=value} pairs, or "" without any. */
    public String paramText() {
        return Format.params(params);
    }

    /** Octets per second processed, given the operation's size in octets. */
    public double bytesPerSecond(long octets) {
        return octets / (nanos * 1e-9);
    }
}
