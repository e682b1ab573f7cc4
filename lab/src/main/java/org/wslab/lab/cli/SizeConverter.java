package org.wslab.lab.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a byte size such as {@code 16MiB}, {@code 64KiB}, {@code 1GiB}, {@code 1000} (bytes) or
 * {@code 2MB} (decimal). Sizes run from 1 byte to 2 GiB − 1, the most a Java array holds;
 * {@link ZeroOrMore} also takes 0 (an empty message is a message).
 */
public class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern FORM = Pattern.compile("(-?\\d+)\\s*(b|kib|mib|gib|kb|mb|gb)?");

    private final long min;

    /** Sizes from 1 byte. */
    public SizeConverter() {
        this(1);
    }

    private SizeConverter(long min) {
        this.min = min;
    }

    /** Sizes from 0 bytes, e.g. {@code echo --binary-size 0}. */
    public static final class ZeroOrMore extends SizeConverter {
        public ZeroOrMore() {
            super(0);
        }
    }

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || m.group(1).length() > 12) {
            throw new TypeConversionException(
                    "'" + value + "' is not a size (write e.g. 16MiB, 64KiB, 1000)");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> 1L;
        };
        long bytes = amount * factor;
        if (bytes < min || bytes > Integer.MAX_VALUE) {
            throw new TypeConversionException(
                    "'" + value + "' is out of range (between " + min + (min == 1 ? " byte" : " bytes") + " and 2GiB - 1)");
        }
        return bytes;
    }

    /** The short form a person would type back: {@code 16MiB}, {@code 64KiB}, {@code 1000B}. */
    public static String format(long bytes) {
        if (bytes == 0) {
            return "0B";
        }
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + "GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + "MiB";
        }
        if (bytes % (1L << 10) == 0) {
            return (bytes >> 10) + "KiB";
        }
        return bytes + "B";
    }
}
