package org.wslab.benchmarks.report;

import java.util.Locale;
import java.util.Map;

/** How the report writes numbers: times with a fitting unit, ratios, sizes and bandwidths. */
public final class Format {
    private Format() {}

    /** "73.4 ns", "20.1 µs", "1.52 ms", "2.10 s". */
    public static String nanos(double ns) {
        if (Double.isNaN(ns)) {
            return "–";
        }
        if (ns < 1_000) {
            return String.format(Locale.ROOT, ns < 10 ? "%.2f ns" : "%.1f ns", ns);
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1e3);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    /** "41.2×", "0.49×". */
    public static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "–";
        }
        return String.format(Locale.ROOT, r >= 10 ? "%.1f×" : "%.2f×", r);
    }

    /** "192 B", "131 KB" (decimal, as JMH's B/op), "0 B". */
    public static String bytes(double b) {
        if (Double.isNaN(b)) {
            return "–";
        }
        if (b < 0.5) {
            return "0 B";
        }
        if (b < 10_000) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (b < 10_000_000) {
            return String.format(Locale.ROOT, "%.0f KB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }

    /** "8.12 GB/s", "310 MB/s" (decimal). */
    public static String bandwidth(double bytesPerSecond) {
        if (Double.isNaN(bytesPerSecond)) {
            return "–";
        }
        if (bytesPerSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.2f GB/s", bytesPerSecond / 1e9);
        }
        return String.format(Locale.ROOT, "%.0f MB/s", bytesPerSecond / 1e6);
    }

    /** "99", "99.9". */
    public static String percentile(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    /** "role=client, size=125", or "" for none. */
    public static String params(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /** A size parameter in octets as people read it: "16 B", "64 KiB", "256 MiB". */
    public static String size(String octets) {
        long n;
        try {
            n = Long.parseLong(octets);
        } catch (NumberFormatException e) {
            return octets;
        }
        if (n >= 1 << 20 && n % (1 << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " B";
    }
}
