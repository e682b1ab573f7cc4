package org.wslab.tutorials.live;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx (Debian's {@code nginx} package, or any on the {@code PATH}) started in the
 * foreground as a child of the tour with a configuration of its own, listening on a free port of
 * 127.0.0.1 and proxying to one upstream port there. Nothing of the system's nginx set-up is
 * read or written: the prefix, the error log, the pid file and the temporary folders all live in
 * one folder given to {@link #start}, and the configuration runs nginx as a single process, so it
 * works for any user.
 */
public final class Nginx implements AutoCloseable {
    /** Where the configuration template lives on the class path. */
    public static final String TEMPLATE = "/nginx/wslab-proxy.conf";
    /** The longest wait for nginx to accept connections. */
    static final long START_MILLIS = 10_000;
    /** How many free ports are tried when another process takes the chosen one first. */
    static final int ATTEMPTS = 3;

    private final Process process;
    private final Path dir;
    private final int port;
    private final String config;

    private Nginx(Process process, Path dir, int port, String config) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.config = config;
    }

    /** The nginx executable: {@code /usr/sbin/nginx} (Debian), else the first {@code nginx} on the {@code PATH}. */
    public static Optional<Path> executable() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx")));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    candidates.add(Path.of(d, "nginx"));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** What {@code nginx -v} says, e.g. {@code nginx version: nginx/1.22.1}. */
    public static String version(Path executable) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(executable.toString(), "-v").redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        p.waitFor(5, TimeUnit.SECONDS);
        return out;
    }

    /**
     * Starts {@code executable} with {@link #TEMPLATE} filled in for {@code dir} and {@code upstreamPort};
     * returns once it accepts connections. A port taken between choosing and binding it is retried on
     * another, {@link #ATTEMPTS} times in all.
     */
    public static Nginx start(Path executable, Path dir, int upstreamPort) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String template = template();
        String lastProblem = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = freePort();
            String config = template.replace("@DIR@", dir.toAbsolutePath().toString())
                    .replace("@LISTEN@", String.valueOf(port)).replace("@UPSTREAM@", String.valueOf(upstreamPort));
            Path file = dir.resolve("wslab-proxy.conf");
            Files.writeString(file, config);
            Path errors = dir.resolve("error.log");
            Files.deleteIfExists(errors);
            Path output = dir.resolve("nginx.out");
            Process p = new ProcessBuilder(executable.toString(), "-p", dir.toAbsolutePath() + "/",
                    "-e", errors.toAbsolutePath().toString(), "-c", file.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            Nginx nginx = new Nginx(p, dir, port, config);
            if (nginx.awaitListening()) {
                return nginx;
            }
            nginx.close();
            lastProblem = nginx.lastLines(output) + " " + nginx.lastLines(errors);
            if (!lastProblem.contains("Address already in use")) {
                break;
            }
        }
        throw new ChapterFailure("nginx did not start: " + lastProblem.strip());
    }

    /** The port nginx listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** The configuration nginx runs with, placeholders filled in. */
    public String config() {
        return config;
    }

    /** nginx's error log so far (it logs at level {@code info}). */
    public String errorLog() throws IOException {
        Path errors = dir.resolve("error.log");
        return Files.exists(errors) ? Files.readString(errors) : "";
    }

    private boolean awaitListening() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_MILLIS);
        while (System.nanoTime() < until && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private String lastLines(Path file) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            List<String> lines = Files.readAllLines(file);
            return String.join(" ", lines.subList(Math.max(0, lines.size() - 2), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static String template() throws IOException {
        try (InputStream in = Nginx.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IOException("missing class-path resource " + TEMPLATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    /** Stops nginx (SIGTERM, then SIGKILL after 5 s) and waits for it to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
