package org.wslab.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The machine a run was measured on, as the report names it: numbers mean nothing without it.
 *
 * @param cpu      the processor model ({@code /proc/cpuinfo}'s "model name", else the architecture)
 * @param cores    processors the JVM may use
 * @param memoryGiB physical memory, GiB (0 when unknown)
 * @param os       operating system and version
 * @param jvm      the JVM running the benchmarks (the forks use the same one)
 * @param when     when the run started (UTC, ISO-8601)
 */
public record Machine(String cpu, int cores, double memoryGiB, String os, String jvm, String when) {

    /** This machine, now. */
    public static Machine current() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), physicalMemoryGiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vm.vendor") + ")",
                OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    /** One line: "AMD EPYC 7B13, 2 cores, 23.5 GiB, Linux 6.1 (amd64), OpenJDK 64-Bit Server VM 17.0.15". */
    public String describe() {
        return cpu + ", " + cores + (cores == 1 ? " core" : " cores")
                + (memoryGiB > 0 ? String.format(Locale.ROOT, ", %.1f GiB", memoryGiB) : "") + ", " + os + ", " + jvm;
    }

    /** Writes {@code machine.json} into {@code dir}. */
    public void write(Path dir) throws IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve("machine.json").toFile(), this);
    }

    /** Reads {@code machine.json} from {@code dir}, or says the machine is not known. */
    public static Machine readOrUnknown(Path dir) {
        Path file = dir.resolve("machine.json");
        try {
            return Files.isRegularFile(file) ? new ObjectMapper().readValue(file.toFile(), Machine.class)
                    : new Machine("unknown machine", 0, 0, "?", "?", "?");
        } catch (IOException e) {
            return new Machine("unknown machine (" + file + " unreadable)", 0, 0, "?", "?", "?");
        }
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                return lines.filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(System.getProperty("os.arch"));
            } catch (IOException | java.io.UncheckedIOException e) {
                return System.getProperty("os.arch");
            }
        }
        return System.getProperty("os.arch");
    }

    private static double physicalMemoryGiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (double) (1L << 30);
        }
        return 0;
    }
}
