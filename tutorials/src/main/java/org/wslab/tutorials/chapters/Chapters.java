package org.wslab.tutorials.chapters;

import java.util.List;
import java.util.Optional;

/** The book's eight chapters in order, each with the run that captures its transcripts. */
public final class Chapters {
    private Chapters() {
    }

    /** All eight chapters, in order. */
    public static List<Chapter> all() {
        return List.of(
                new Chapter(1, "The opening handshake", "ch01-opening-handshake.adoc",
                        new OpeningHandshakeRun()),
                new Chapter(2, "REST and WebSocket", "ch02-rest-and-websocket.adoc", new RestAndWebSocketRun()),
                new Chapter(3, "When to use WebSocket", "ch03-when-to-use-websocket.adoc",
                        new WhenToUseWebSocketRun()),
                new Chapter(4, "Frames", "ch04-frames.adoc", new FramesRun()),
                new Chapter(5, "Behind nginx", "ch05-behind-nginx.adoc", new BehindNginxRun()),
                new Chapter(6, "STOMP over WebSocket", "ch06-stomp-over-websocket.adoc",
                        new StompOverWebSocketRun()),
                new Chapter(7, "Testing the protocol", "ch07-testing-the-protocol.adoc",
                        new TestingTheProtocolRun()),
                new Chapter(8, "Measuring", "ch08-measuring.adoc",
                        new MeasuringRun(MeasuringRun.defaultReport())));
    }

    /** The chapter whose number or {@link Chapter#id()} is {@code name} ({@code 4}, {@code ch04}). */
    public static Optional<Chapter> find(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        return all().stream().filter(c -> c.id().equals(n) || String.valueOf(c.number()).equals(n)
                || c.id().equals("ch0" + n)).findFirst();
    }
}
