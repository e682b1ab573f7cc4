package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wslab.lab.load.StallingEchoServer;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * The part of chapter 8 that measures a server rather than a method: {@code wslab load} run live,
 * open loop, against the tour's Jetty echo endpoint (RFC 6455 §5.6 messages), with its latency
 * from each message's intended send time, its counts, and the percentile chart it draws; then
 * coordinated omission shown live, the same load run closed loop and open loop against a server
 * that stalls once.
 */
final class LoadRunPart {
    /** 50 connections, 20 messages a second each, for 3 s: small enough for any machine's tour. */
    static final String[] ARGS = {"--connections", "50", "--rate", "20", "--duration", "3s"};
    /** The stalled server's load: 20 connections × 50 messages a second for 3 s, 3,000 messages. */
    static final String[] STALLED_ARGS = {"--connections", "20", "--rate", "50", "--duration", "3s"};
    /** The stalled server pauses its only loop for this long... */
    static final long STALL_MILLIS = 500;
    /** ...on this message, about a second into the run. */
    static final int STALL_AFTER = 1000;

    private LoadRunPart() {
    }

    static void run(TourLab lab, Snippets snippets) throws IOException {
        String url = TourLab.echo(lab.jetty()).toString();
        Path html = snippets.root().resolve("ch08/load");
        Files.createDirectories(html);
        String[] args = new String[ARGS.length + 4];
        args[0] = "load";
        args[1] = url;
        System.arraycopy(ARGS, 0, args, 2, ARGS.length);
        args[ARGS.length + 2] = "--html";
        args[ARGS.length + 3] = html.toString();
        // tag::load[]
        CliRun load = CliRun.of(args) // wslab load URL --connections 50 --rate 20 --duration 3s --html DIR
                .expectExit(0) // <1>
                .expectOutput("lost 0");
        // end::load[]
        snippets.write("ch08/load.txt", "$ ./wslab load " + url + " " + String.join(" ", ARGS) + " --html load\n"
                + load.out() + "(exit code 0; stderr had a progress line a second)\n");
        if (!Files.isRegularFile(html.resolve("latency.svg"))) {
            throw new org.wslab.tutorials.live.ChapterFailure("wslab load --html wrote no latency.svg: " + load.err());
        }
        stalled(snippets);
    }

    /** The same load against a server that stalls once, closed loop ({@code --window 1}) then open loop. */
    private static void stalled(Snippets snippets) throws IOException {
        StringBuilder shown = new StringBuilder();
        for (String[] loop : List.of(new String[] {"--window", "1"}, new String[0])) {
            // a fresh server per run, so each stalls once
            try (StallingEchoServer server = new StallingEchoServer(STALL_AFTER, STALL_MILLIS)) {
                List<String> args = new ArrayList<>(List.of("load", server.uri()));
                args.addAll(List.of(STALLED_ARGS));
                args.addAll(List.of(loop));
                CliRun run = CliRun.of(args.toArray(String[]::new)).expectExit(0).expectOutput("lost 0");
                shown.append("$ ./wslab load ").append(String.join(" ", args.subList(1, args.size()))).append('\n')
                        .append(run.out()).append('\n');
            }
        }
        snippets.write("ch08/stalled.txt", shown.toString().stripTrailing() + "\n");
    }
}
