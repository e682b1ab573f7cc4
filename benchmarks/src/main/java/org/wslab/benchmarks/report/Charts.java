package org.wslab.benchmarks.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The report's charts, drawn with XChart as SVG files: bandwidth by payload size per
 * implementation (log scales, since sizes span decades) where a comparison sweeps a size, time
 * per operation per implementation otherwise, and bytes allocated per operation.
 */
final class Charts {
    private Charts() {}

    /** A written chart: its file name under {@code charts/} and what it shows. */
    record Drawn(String file, String caption) {}

    private static final Color[] PALETTE = {
        new Color(0x1b6ac9), new Color(0xd9480f), new Color(0x2b8a3e), new Color(0x862e9c),
        new Color(0xe67700), new Color(0x0b7285), new Color(0xc2255c), new Color(0x495057),
    };

    static Map<Comparison, List<Drawn>> draw(BenchReport report, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<Comparison, List<Drawn>> out = new LinkedHashMap<>();
        for (Comparison c : report.comparisons()) {
            List<Drawn> charts = new ArrayList<>();
            if (sweepsSize(c)) {
                for (Map.Entry<Map<String, String>, List<Comparison.Row>> group : bySizeless(c).entrySet()) {
                    String name = c.simpleName() + "-bandwidth" + suffix(group.getKey()) + ".svg";
                    save(bandwidth(c, group.getKey(), group.getValue()), dir.resolve(name));
                    charts.add(new Drawn(name, "bandwidth by payload size" + label(group.getKey())));
                }
            } else if (spansDecades(c, Measurement::nanos)) {
                String name = c.simpleName() + "-relative-time.svg";
                save(bars(c, c.rows(), "time ÷ wslab's time (wslab = 1; higher is slower)", relativeToOurs(c)),
                        dir.resolve(name));
                charts.add(new Drawn(name, "time per operation relative to wslab's, for each set of parameters"));
            } else {
                String name = c.simpleName() + "-time.svg";
                save(bars(c, c.rows(), "time per operation (µs)", (r, m) -> m.nanos() / 1e3), dir.resolve(name));
                charts.add(new Drawn(name, "time per operation"));
            }
            if (c.rows().stream().flatMap(r -> r.all().stream()).anyMatch(m -> m.allocBytes() >= 1)) {
                if (spansDecades(c, Measurement::allocBytes)) {
                    int n = 0;
                    for (Comparison.Row r : c.rows()) {
                        String name = c.simpleName() + "-alloc-" + (++n) + ".svg";
                        save(bars(c, List.of(r), "bytes allocated per operation", (row, m) -> m.allocBytes()),
                                dir.resolve(name));
                        charts.add(new Drawn(name, "bytes allocated per operation"
                                + (r.params().isEmpty() ? "" : " (" + Format.params(r.params()) + ")")));
                    }
                } else {
                    String name = c.simpleName() + "-alloc.svg";
                    save(bars(c, c.rows(), "bytes allocated per operation", (r, m) -> m.allocBytes()), dir.resolve(name));
                    charts.add(new Drawn(name, "bytes allocated per operation"));
                }
            }
            out.put(c, charts);
        }
        return out;
    }

    private static boolean sweepsSize(Comparison c) {
        if (c.bytesParam().isEmpty()) {
            return false;
        }
        return c.rows().stream().map(r -> r.params().get(c.bytesParam())).distinct().count() > 1;
    }

    /** Rows grouped by every parameter except the size. */
    private static Map<Map<String, String>, List<Comparison.Row>> bySizeless(Comparison c) {
        Map<Map<String, String>, List<Comparison.Row>> out = new LinkedHashMap<>();
        for (Comparison.Row r : c.rows()) {
            Map<String, String> rest = new TreeMap<>(r.params());
            rest.remove(c.bytesParam());
            out.computeIfAbsent(rest, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static XYChart bandwidth(Comparison c, Map<String, String> fixed, List<Comparison.Row> rows) {
        XYChart chart = new XYChartBuilder().width(720).height(420)
                .title(c.title() + label(fixed)).xAxisTitle("payload (octets)").yAxisTitle("GB/s").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (String method : methods(c)) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (Comparison.Row r : rows) {
                r.of(method).ifPresent(m -> {
                    long octets = Long.parseLong(r.params().get(c.bytesParam()));
                    xs.add((double) octets);
                    ys.add(m.bytesPerSecond(octets) / 1e9);
                });
            }
            if (!xs.isEmpty()) {
                chart.addSeries(method, xs, ys);
            }
        }
        return chart;
    }

    /** A value to draw for a measurement in its row. */
    private interface Value {
        double of(Comparison.Row row, Measurement m);
    }

    private static Value relativeToOurs(Comparison c) {
        return (row, m) -> row.ours().map(o -> m.nanos() / o.nanos()).orElse(Double.NaN);
    }

    /** Whether the values across rows differ by more than 20×: one linear scale would hide the small ones. */
    private static boolean spansDecades(Comparison c, java.util.function.ToDoubleFunction<Measurement> value) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Comparison.Row r : c.rows()) {
            for (Measurement m : r.all()) {
                double v = value.applyAsDouble(m);
                if (v >= 1) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 20 * min;
    }

    private static CategoryChart bars(Comparison c, List<Comparison.Row> rows, String yTitle, Value value) {
        boolean single = rows.size() == 1;
        CategoryChart chart = new CategoryChartBuilder().width(single ? 480 : 720).height(single ? 300 : 420)
                .title(c.title()).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(rows.size() > 4 ? 30 : 0);
        List<String> categories = rows.stream()
                .map(r -> r.params().isEmpty() ? "–" : Format.params(r.params())).toList();
        for (String method : methods(c)) {
            List<Double> ys = new ArrayList<>();
            for (Comparison.Row r : rows) {
                ys.add(r.of(method).map(m -> value.of(r, m)).map(v -> Double.isNaN(v) ? 0.0 : v).orElse(0.0));
            }
            chart.addSeries(method, categories, ys);
        }
        return chart;
    }

    /** Ours first, then the baselines in the order they appear. */
    private static List<String> methods(Comparison c) {
        Set<String> names = new LinkedHashSet<>();
        names.add(c.ours());
        c.rows().forEach(r -> r.all().forEach(m -> names.add(m.method())));
        return new ArrayList<>(names);
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setSeriesColors(PALETTE);
        s.setToolTipsEnabled(false);
    }

    private static String suffix(Map<String, String> fixed) {
        StringBuilder b = new StringBuilder();
        fixed.forEach((k, v) -> b.append('-').append(k).append('-').append(v.replaceAll("[^A-Za-z0-9]", "_")));
        return b.toString();
    }

    private static String label(Map<String, String> fixed) {
        return fixed.isEmpty() ? "" : " (" + Format.params(fixed) + ")";
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
