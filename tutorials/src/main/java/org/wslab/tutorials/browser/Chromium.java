package org.wslab.tutorials.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium started for one check, with its DevTools endpoint (the Chrome DevTools
 * Protocol over a WebSocket, RFC 6455): {@code --remote-debugging-port=0} lets it pick a free port,
 * which it announces on stderr as {@code DevTools listening on ws://…}. {@link #close()} kills the
 * process tree and deletes the temporary profile.
 */
public final class Chromium implements AutoCloseable {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final int STDERR_LINES_KEPT = 40;

    private final Process process;
    private final Path profile;
    private final String browserUrl;

    private Chromium(Process process, Path profile, String browserUrl) {
        this.process = process;
        this.profile = profile;
        this.browserUrl = browserUrl;
    }

    /** The first of chromium, chromium-browser, google-chrome on the PATH, else /usr/bin/chromium. */
    public static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path exe = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(exe) && Files.isExecutable(exe)) {
                    return Optional.of(exe);
                }
            }
        }
        Path fallback = Path.of("/usr/bin/chromium");
        return Files.isExecutable(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /** The reason given when no browser is found. */
    public static final String NOT_INSTALLED = "chromium is not installed (apt-get install chromium)";

    /**
     * Starts the browser {@link #find()} finds, headless, within {@code timeout}.
     *
     * @throws BrowserUnavailable when none is installed ({@link #NOT_INSTALLED}) or it did not start
     */
    public static Chromium startFound(Duration timeout) throws IOException, BrowserUnavailable {
        Path exe = find().orElseThrow(() -> new BrowserUnavailable(NOT_INSTALLED));
        return start(exe, timeout);
    }

    /** Starts {@code exe} headless; waits at most {@code timeout} for its DevTools line. */
    public static Chromium start(Path exe, Duration timeout) throws IOException, BrowserUnavailable {
        Path profile = Files.createTempDirectory("wslab-chromium-");
        ProcessBuilder builder = new ProcessBuilder(exe.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
                "--window-size=900,640", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TMPDIR", profile.toString()); // its scratch folders go with the profile
        Process process = builder.start();
        CompletableFuture<String> url = new CompletableFuture<>();
        List<String> lastLines = new ArrayList<>();
        Thread reader = new Thread(() -> readStderr(process, url, lastLines), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, profile, url.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            } else {
                awaitExit(process, e instanceof ExecutionException ? Duration.ofSeconds(2) : Duration.ZERO);
            }
            String why = process.isAlive() ? "printed no DevTools address within " + timeout.toSeconds() + " s"
                    : "exited with code " + process.exitValue() + " before listening";
            stop(process, profile);
            String last;
            synchronized (lastLines) {
                last = lastLines.stream().filter(l -> !l.contains("dbus")).reduce((a, b) -> b).orElse("");
            }
            throw new BrowserUnavailable(exe + " " + why + (last.isEmpty() ? "" : ": " + last.strip()));
        }
    }

    /** Waits up to {@code time} for a process whose stderr has ended to be reaped. */
    private static void awaitExit(Process process, Duration time) {
        try {
            process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readStderr(Process process, CompletableFuture<String> url, List<String> lastLines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url.complete(m.group(1));
                }
                synchronized (lastLines) {
                    lastLines.add(line);
                    if (lastLines.size() > STDERR_LINES_KEPT) {
                        lastLines.remove(0);
                    }
                }
            }
            url.completeExceptionally(new IOException("stderr ended"));
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
    }

    /** The browser-wide DevTools WebSocket URL, {@code ws://127.0.0.1:PORT/devtools/browser/ID}. */
    public String browserUrl() {
        return browserUrl;
    }

    /** The DevTools WebSocket URL of the page target {@code targetId} on the same port. */
    public String pageUrl(String targetId) {
        return browserUrl.substring(0, browserUrl.indexOf("/devtools/")) + "/devtools/page/" + targetId;
    }

    @Override
    public void close() {
        stop(process, profile);
    }

    private static void stop(Process process, Path profile) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the Chromium profile " + profile, e);
        }
    }
}
