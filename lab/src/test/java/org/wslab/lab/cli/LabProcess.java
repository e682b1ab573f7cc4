package org.wslab.lab.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab as a real child process ({@code Main} on this test's class path), so tests can send it real
 * signals: stdout to a file, stderr beside it ({@code <file>.err}).
 */
final class LabProcess {
    private LabProcess() {}

    /** Starts {@code wslab args…} with stdout to {@code stdout} and stderr to {@code stdout + ".err"}. */
    static Process start(Path stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.wslab.lab.cli.Main");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(new File(stdout + ".err")).start();
    }

    /** What a file holds so far, empty when it does not exist yet. */
    static String read(Path p) throws Exception {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
