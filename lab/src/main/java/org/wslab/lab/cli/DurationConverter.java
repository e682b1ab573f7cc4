package org.wslab.lab.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option such as {@code 10s}, {@code 300ms}, {@code 2m} or {@code 1.5s}; a bare
 * number means seconds. Zero and negative durations are refused: every wait in the lab is bounded.
 * {@link org.wslab.lab.common.DurationText} writes one back.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a duration (write e.g. 10s, 300ms, 2m)");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        if (millis < 1 || millis > Duration.ofDays(1).toMillis()) {
            throw new TypeConversionException(
                    "'" + value + "' is out of range (between 1ms and 24h)");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
