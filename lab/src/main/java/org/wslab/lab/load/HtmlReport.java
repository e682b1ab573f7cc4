package org.wslab.lab.load;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.wslab.lab.common.HtmlText;

/**
 * A load report as a page: {@code index.html} with the facts, and two charts drawn with XChart as
 * SVG files beside it (no script, no CDN) — latency by percentile on the scale HdrHistogram plots
 * it (each tick one more nine: 90%, 99%, 99.9%…), and echoes a second over time with each
 * second's 99th percentile.
 */
public final class HtmlReport {
    /** The deepest percentile drawn: 99.999%. */
    private static final double DEEPEST_NINES = 5;

    private HtmlReport() {}

    /** Writes {@code index.html}, {@code latency.svg} and {@code throughput.svg} into {@code dir}; returns the page. */
    public static Path write(Path dir, String title, List<String> facts, Intervals latency, Histogram handshakes)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        save(percentiles(latency.total(), handshakes), dir.resolve("latency.svg"));
        save(throughput(latency), dir.resolve("throughput.svg"));
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>").append(HtmlText.escape(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:"
                + "60em;margin:2em auto}li{font-family:monospace}</style></head><body>\n<h1>")
                .append(HtmlText.escape(title)).append("</h1>\n<ul>\n");
        facts.forEach(f -> page.append("<li>").append(HtmlText.escape(f)).append("</li>\n"));
        page.append("</ul>\n<h2>Latency by percentile</h2>\n<p>From each message's intended send time to its echo"
                + " (corrected for coordinated omission).</p>\n<img src=\"latency.svg\" alt=\"latency by percentile\">\n"
                + "<h2>Throughput over time</h2>\n<img src=\"throughput.svg\" alt=\"echoes a second over time\">\n"
                + "</body></html>\n");
        Path index = dir.resolve("index.html");
        Files.writeString(index, page, StandardCharsets.UTF_8);
        return index;
    }

    private static XYChart percentiles(Histogram latency, Histogram handshakes) {
        XYChart chart = new XYChartBuilder().width(760).height(420).title("Latency by percentile")
                .xAxisTitle("percentile").yAxisTitle("ms").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(DEEPEST_NINES);
        chart.setCustomXAxisTickLabelsFormatter(x -> String.format(Locale.ROOT, "%s%%",
                trim(100 - 100 * Math.pow(10, -x))));
        addPercentiles(chart, "message (intended send → echo)", latency);
        addPercentiles(chart, "opening handshake", handshakes);
        return chart;
    }

    private static void addPercentiles(XYChart chart, String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (HistogramIterationValue v : h.percentiles(5)) {
            double p = v.getPercentileLevelIteratedTo() / 100;
            double nines = p >= 1 ? DEEPEST_NINES : Math.min(DEEPEST_NINES, -Math.log10(1 - p));
            xs.add(nines);
            ys.add(v.getValueIteratedTo() / 1e6);
            if (nines >= DEEPEST_NINES) {
                break;
            }
        }
        chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.NONE);
    }

    private static XYChart throughput(Intervals latency) {
        XYChart chart = new XYChartBuilder().width(760).height(420).title("Throughput over time")
                .xAxisTitle("seconds").yAxisTitle("echoes a second; p99 ms").build();
        style(chart.getStyler());
        List<Double> xs = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        long start = latency.each().isEmpty() ? 0 : latency.each().get(0).startMs();
        for (Intervals.Interval i : latency.each()) {
            xs.add((i.endMs() - start) / 1000.0);
            rate.add(i.perSecond());
            p99.add(i.p99() / 1e6);
        }
        if (xs.isEmpty()) {
            xs.add(0.0);
            rate.add(0.0);
            p99.add(0.0);
        }
        chart.addSeries("echoes a second", xs, rate).setMarker(SeriesMarkers.NONE);
        chart.addSeries("p99 ms", xs, p99).setMarker(SeriesMarkers.NONE).setYAxisGroup(1);
        chart.setYAxisGroupTitle(1, "p99 ms");
        return chart;
    }

    private static String trim(double percent) {
        String s = String.format(Locale.ROOT, "%.5f", percent).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setToolTipsEnabled(false);
        s.setLegendPosition(Styler.LegendPosition.InsideNW);
    }

    private static void save(XYChart chart, Path file) throws IOException {
        VectorGraphicsEncoder.saveVectorGraphic(chart, file.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

}
