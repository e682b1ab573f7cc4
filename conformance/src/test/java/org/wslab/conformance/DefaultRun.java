package org.wslab.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.cases.DeflateCases;
import org.wslab.conformance.cases.LimitsCases;

/**
 * What the module's own tests run: every case but the large ones of {@code limits} (Autobahn 9.x)
 * and {@code deflate} (12.x, 13.x), of which only {@link LimitsCases#REPRESENTATIVE} and
 * {@link DeflateCases#REPRESENTATIVE} run, unless {@code -Dconformance.full=true} asks for all of
 * them (16 MiB messages, 1000 messages of 128 KiB; each case then gets {@link #FULL_CASE_TIMEOUT}).
 */
final class DefaultRun {
    /** The system property that runs every limits and deflate case. */
    static final String FULL = "conformance.full";
    /** The case timeout of the full run: a 16 MiB echo, or 1000 compressed 128 KiB messages, takes seconds (up to 35 s seen). */
    static final Duration FULL_CASE_TIMEOUT = Duration.ofSeconds(120);

    private DefaultRun() {}

    /** Whether the full limits and deflate categories run. */
    static boolean full() {
        return Boolean.getBoolean(FULL);
    }

    /** Every category but limits and deflate, plus their representative cases; everything when {@link #full()}. */
    static Selection selection() {
        if (full()) {
            return Selection.all();
        }
        List<String> in = new ArrayList<>();
        for (String category : Catalogue.standard().countsByCategory().keySet()) {
            if (!category.equals("limits") && !category.equals("deflate")) {
                in.add(category + ".*");
            }
        }
        in.addAll(LimitsCases.REPRESENTATIVE);
        in.addAll(DeflateCases.REPRESENTATIVE);
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
