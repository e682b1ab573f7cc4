package org.wslab.benchmarks.report;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.wslab.benchmarks.Measures;

/**
 * One benchmark class's results: what it measures (its {@link Measures}), and for each set of
 * parameter values, ours beside every baseline with the ratio of the baseline's time to ours.
 *
 * @param className the benchmark class, fully qualified
 * @param suite     the report section it belongs to
 * @param title     what one operation does
 * @param spec      the rule or section implemented
 * @param ours      the method that is wslab's
 * @param bytesParam the parameter giving octets per operation, or ""
 * @param factLabel the deterministic fact shown per implementation, or ""
 * @param rows      one row per parameter combination, in the order the sizes grow
 */
public record Comparison(String className, String suite, String title, String spec, String ours,
        String bytesParam, String factLabel, List<Row> rows) {

    /** One set of parameter values: ours and the baselines, and facts by method. */
    public record Row(SortedMap<String, String> params, Optional<Measurement> ours, List<Measurement> baselines,
            Map<String, Double> facts) {
        /** Every measurement, ours first. */
        public List<Measurement> all() {
            List<Measurement> all = new ArrayList<>();
            ours.ifPresent(all::add);
            all.addAll(baselines);
            return all;
        }

        /** The measurement of {@code method}, if it ran. */
        public Optional<Measurement> of(String method) {
            return all().stream().filter(m -> m.method().equals(method)).findFirst();
        }

        /** Baseline's time ÷ ours (above 1: ours is faster), if both ran. */
        public Optional<Double> ratio(String baseline) {
            return ours.flatMap(o -> of(baseline).map(b -> b.nanos() / o.nanos()));
        }
    }

    /** The simple class name. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Groups measurements by class and parameter values. */
    public static List<Comparison> of(List<Measurement> measurements) {
        Map<String, List<Measurement>> byClass = new LinkedHashMap<>();
        measurements.forEach(m -> byClass.computeIfAbsent(m.className(), k -> new ArrayList<>()).add(m));
        List<Comparison> out = new ArrayList<>();
        byClass.forEach((cls, ms) -> out.add(build(cls, ms)));
        return out;
    }

    private static Comparison build(String cls, List<Measurement> ms) {
        Optional<Class<?>> type = load(cls);
        Measures info = type.map(t -> t.getAnnotation(Measures.class)).orElse(null);
        String suite = info != null ? info.suite() : packageName(cls);
        String title = info != null ? info.title() : cls.substring(cls.lastIndexOf('.') + 1);
        String ours = info != null ? info.ours() : "wslab";
        Map<SortedMap<String, String>, List<Measurement>> byParams = new LinkedHashMap<>();
        ms.forEach(m -> byParams.computeIfAbsent(m.params(), k -> new ArrayList<>()).add(m));
        List<Row> rows = new ArrayList<>();
        byParams.forEach((params, group) -> {
            Optional<Measurement> mine = group.stream().filter(m -> m.method().equals(ours)).findFirst();
            List<Measurement> baselines = group.stream().filter(m -> !m.method().equals(ours)).toList();
            rows.add(new Row(params, mine, baselines, facts(type, info, params)));
        });
        rows.sort(Comparator.comparing(r -> sortKey(r.params())));
        return new Comparison(cls, suite, title, info != null ? info.spec() : "", ours,
                info != null ? info.bytesParam() : "", info != null ? info.fact() : "", List.copyOf(rows));
    }

    /** Numbers sort as numbers so 16 < 125 < 1024. */
    private static String sortKey(SortedMap<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(k).append('=')
                .append(v.matches("\\d{1,18}") ? String.format("%019d", Long.parseLong(v)) : v).append(';'));
        return b.toString();
    }

    /**
     * The facts a benchmark that declares {@link Measures#fact()} gives for {@code params}. A class
     * that declares one but has no static {@code facts(Map)}, or whose method fails, is a broken
     * benchmark: the report says so rather than leave the column out without a word.
     */
    private static Map<String, Double> facts(Optional<Class<?>> type, Measures info, Map<String, String> params) {
        if (type.isEmpty() || info == null || info.fact().isEmpty()) {
            return Map.of();
        }
        String which = type.get().getName() + " declares the fact '" + info.fact() + "' but ";
        try {
            Method facts = type.get().getMethod("facts", Map.class);
            if (!Modifier.isStatic(facts.getModifiers())) {
                throw new IllegalStateException(which + "its facts(Map) is not static");
            }
            @SuppressWarnings("unchecked")
            Map<String, Double> got = (Map<String, Double>) facts.invoke(null, Map.copyOf(params));
            return got == null ? Map.of() : Map.copyOf(got);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(which + "has no public static facts(Map)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(which + "its facts(" + params + ") failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(which + "its facts(Map) cannot be called: " + e.getMessage(), e);
        }
    }

    private static Optional<Class<?>> load(String cls) {
        try {
            return Optional.of(Class.forName(cls, false, Comparison.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static String packageName(String cls) {
        String pkg = cls.substring(0, Math.max(0, cls.lastIndexOf('.')));
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }
}
