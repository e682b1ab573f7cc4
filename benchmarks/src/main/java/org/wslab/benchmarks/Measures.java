package org.wslab.benchmarks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a benchmark class compares, for the report. One class is one comparison: its
 * {@link #ours()} method is wslab's implementation; every other {@code @Benchmark} method is a
 * baseline named for the implementation it runs ({@code jetty}, {@code netty}, {@code spring},
 * {@code jdk}, …), and the report gives the ratio of each baseline's time to ours for the same
 * parameters (above 1: ours is faster).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Measures {
    /** The suite it belongs to, as the report's section heading ("Masking", "STOMP", …). */
    String suite();

    /** What one operation does, in a few words ("unmask a payload in place"). */
    String title();

    /** The rule or section the measured code implements ("RFC 6455 §5.3"). */
    String spec() default "";

    /** The method that is ours; the others are baselines. */
    String ours() default "wslab";

    /**
     * The parameter holding the payload octets one operation processes, if any: the report then
     * gives a bandwidth (GB/s) beside the time.
     */
    String bytesParam() default "";

    /**
     * A deterministic fact per implementation shown beside its time (for example "compression
     * ratio" or "bytes on the wire per update"), if any. The class then has a
     * {@code public static java.util.Map<String, Double> facts(java.util.Map<String, String> params)}
     * giving it for each method name, for the given parameter values.
     */
    String fact() default "";
}
