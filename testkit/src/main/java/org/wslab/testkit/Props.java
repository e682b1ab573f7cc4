package org.wslab.testkit;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Reporter;

/**
 * The one way every wslab property starts: {@code Props.qt().forAll(...).check(...)}.
 *
 * <ul>
 *   <li>Examples per property: {@value #DEFAULT_EXAMPLES} by default, or {@code -Dwslab.examples=N}
 *       for a long run (e.g. {@code mvn test -Dwslab.examples=100000}).</li>
 *   <li>Seed: random per property, or {@code -Dwslab.seed=N} to replay one.</li>
 *   <li>On failure the assertion message ends with the exact flags that replay it.</li>
 * </ul>
 *
 * QuickTheories, not jqwik: from 1.10 jqwik's maintainers ask that AI coding agents not use it
 * (its "Anti-AI Usage Clause"), and wslab honours that for every version.
 */
public final class Props {
    /** Examples per property when {@code wslab.examples} is not set. */
    public static final int DEFAULT_EXAMPLES = 300;
    /** System property raising (or lowering) the example count. */
    public static final String EXAMPLES_PROPERTY = "wslab.examples";
    /** System property fixing the seed, to replay a failure. */
    public static final String SEED_PROPERTY = "wslab.seed";

    private Props() {}

    /** A configured QuickTheories entry point with {@link #examples()} examples and a reported seed. */
    public static QuickTheory qt() {
        return configured(examples());
    }

    /**
     * Like {@link #qt()} with a different default, for properties whose single example is costly
     * (a 16 MiB message, a socket). {@code -Dwslab.examples} still scales it proportionally.
     */
    public static QuickTheory qt(int examples) {
        return configured(scaled(examples));
    }

    private static QuickTheory configured(int examples) {
        long seed = seed();
        return QuickTheory.qt()
                .withFixedSeed(seed)
                .withExamples(examples)
                .withReporter(new ReplayHint(seed));
    }

    /** Example count in force: {@code wslab.examples} or {@link #DEFAULT_EXAMPLES}. */
    public static int examples() {
        return Integer.getInteger(EXAMPLES_PROPERTY, DEFAULT_EXAMPLES);
    }

    /** Scales a costly property's own default by the same factor {@code wslab.examples} applies. */
    public static int scaled(int ownDefault) {
        long scaled = (long) ownDefault * examples() / DEFAULT_EXAMPLES;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, scaled));
    }

    private static long seed() {
        Long fixed = Long.getLong(SEED_PROPERTY);
        return fixed != null ? fixed : ThreadLocalRandom.current().nextLong();
    }

    /** Wraps QuickTheories' own report and appends how to replay it. */
    private static final class ReplayHint implements Reporter {
        private final Reporter delegate = new ExceptionReporter();
        private final long seed;

        ReplayHint(long seed) {
            this.seed = seed;
        }

        @Override
        public void falisification(long s, int examples, Object smallest, Throwable cause,
                                   List<Object> others, AsString<Object> toString) {
            withHint(() -> delegate.falisification(s, examples, smallest, cause, others, toString));
        }

        @Override
        public void falisification(long s, int examples, Object smallest,
                                   List<Object> others, AsString<Object> toString) {
            withHint(() -> delegate.falisification(s, examples, smallest, others, toString));
        }

        @Override
        public void valuesExhausted(int examples) {
            withHint(() -> delegate.valuesExhausted(examples));
        }

        private void withHint(Runnable report) {
            try {
                report.run();
            } catch (AssertionError e) {
                AssertionError hinted = new AssertionError(e.getMessage() + hint(), e.getCause());
                hinted.setStackTrace(e.getStackTrace());
                throw hinted;
            } catch (IllegalStateException e) {
                throw new IllegalStateException(e.getMessage() + hint(), e);
            }
        }

        /**
         * The line that replays this run: with the JUnit test found on the stack (a class named
         * {@code …Test} or {@code …Tests}), the Maven command that runs just it; without one (a
         * property run outside a test, as the book's tour does), the system property to give.
         */
        private String hint() {
            for (StackTraceElement f : new Throwable().getStackTrace()) {
                String cls = f.getClassName();
                String simple = cls.substring(cls.lastIndexOf('.') + 1);
                if ((simple.endsWith("Test") || simple.endsWith("Tests")) && !cls.startsWith("org.quicktheories")) {
                    return String.format("%nReplay: mvn test -D%s=%d -Dtest='%s#%s'"
                            + " -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false", SEED_PROPERTY, seed,
                            simple, f.getMethodName().replaceAll("^lambda\\$(.*)\\$\\d+$", "$1"));
                }
            }
            return String.format("%nReplay: run it again with the JVM option -D%s=%d", SEED_PROPERTY, seed);
        }
    }
}
