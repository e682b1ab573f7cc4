package org.wslab.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.cases.LimitsCases;

/**
 * What the module's own tests run: every case but the large ones of {@code limits} (Autobahn 9.x),
 * of which only {@link LimitsCases#REPRESENTATIVE} run, unless {@code -Dconformance.full=true}
 * asks for all of them (16 MiB messages; each case then gets {@link #FULL_CASE_TIMEOUT}).
 */
final class DefaultRun {
    /** The system property that runs every limits case. */
    static final String FULL = "conformance.full";
    /** The case timeout of the full run: a 16 MiB echo takes seconds, not milliseconds. */
    static final Duration FULL_CASE_TIMEOUT = Duration.ofSeconds(60);

    private DefaultRun() {}

    /** Whether the full limits category runs. */
    static boolean full() {
        return Boolean.getBoolean(FULL);
    }

    /** Every category but limits, plus the representative limits cases; everything when {@link #full()}. */
    static Selection selection() {
        if (full()) {
            return Selection.all();
        }
        List<String> in = new ArrayList<>();
        for (String category : Catalogue.standard().countsByCategory().keySet()) {
            if (!category.equals("limits")) {
                in.add(category + ".*");
            }
        }
        in.addAll(LimitsCases.REPRESENTATIVE);
        return new Selection(in, List.of());
    }

    /** {@link #selection()} without the cases of {@code category}. */
    static Selection selectionWithout(String category) {
        Selection s = selection();
        List<String> out = new ArrayList<>(s.excludes());
        out.add(category + ".*");
        return new Selection(s.includes(), out);
    }

    /** The cases {@link #selection()} picks. */
    static List<ConformanceCase> cases() {
        return Catalogue.standard().select(selection());
    }

    /** {@code settings}, with the full run's longer timeout when {@link #full()}. */
    static Runner.Settings settings(Runner.Settings settings) {
        return full() ? settings.withCaseTimeout(FULL_CASE_TIMEOUT) : settings;
    }
}
