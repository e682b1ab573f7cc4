package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.trace.FrameTrace;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 4, "Frames" (RFC 6455 §5.2–§5.7, §7, §10.3; RFC 7692 §7): the §5.7 examples encoded by
 * our {@code FrameEncoder} and checked against the RFC's bytes, masking worked byte by byte, a
 * fragmented message with a ping between its fragments, the closing handshake and
 * permessage-deflate — between two of our sans-I/O connections in memory, and live against the lab.
 */
public final class FramesRun implements ChapterRun {
    /** The masking key of the RFC's masked "Hello" examples (§5.7). */
    static final int RFC_MASK = 0x37fa213d;

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        rfcExamples(snippets);
        masking(snippets);
        fragmentsWithPing(snippets);
        closing(snippets);
        deflate(snippets);
        live(lab, snippets);
    }

    private static void rfcExamples(Snippets snippets) throws IOException {
        StringBuilder out = new StringBuilder();
        byte[] hello = "Hello".getBytes(StandardCharsets.UTF_8);
        // tag::hello[]
        example(out, "a single-frame unmasked text message", Frame.text("Hello"),
                "810548656c6c6f");
        example(out, "a single-frame masked text message", Frame.text("Hello").withMask(RFC_MASK),
                "818537fa213d7f9f4d5158");
        example(out, "a fragmented unmasked text message, first fragment", Frame.of(false, Opcode.TEXT,
                "Hel".getBytes(StandardCharsets.UTF_8)), "010348656c");
        example(out, "… and its last fragment", Frame.of(true, Opcode.CONTINUATION,
                "lo".getBytes(StandardCharsets.UTF_8)), "80026c6f");
        example(out, "an unmasked ping", Frame.ping(hello), "890548656c6c6f");
        example(out, "a masked pong (the answer to it)", Frame.pong(hello).withMask(RFC_MASK),
                "8a8537fa213d7f9f4d5158");
        // end::hello[]
        example(out, "256 bytes of binary data, unmasked (16-bit length)", Frame.binary(new byte[256]), "827e0100");
        example(out, "64 KiB of binary data, unmasked (64-bit length)", Frame.binary(new byte[65_536]),
                "827f0000000000010000");
        snippets.write("ch04/rfc-examples.txt", out.toString());
    }

    private static void example(StringBuilder out, String title, Frame frame, String rfcPrefix) {
        String wire = HexFormat.of().formatHex(FrameEncoder.toBytes(frame));
        if (!wire.startsWith(rfcPrefix)) {
            throw new ChapterFailure("RFC 6455 §5.7 " + title + ": encoded " + wire + ", the RFC shows " + rfcPrefix);
        }
        out.append("# ").append(title).append(" — RFC 6455 §5.7 bytes ").append(spaced(rfcPrefix))
                .append(rfcPrefix.length() < wire.length() ? " …" : "").append(": match\n")
                .append(FrameTrace.render(frame, 8)).append('\n');
    }

    private static void masking(Snippets snippets) throws IOException {
        byte[] payload = "Hello".getBytes(StandardCharsets.UTF_8);
        byte[] key = {0x37, (byte) 0xfa, 0x21, 0x3d};
        StringBuilder out = new StringBuilder("i  payload  key[i mod 4]  payload XOR key   (RFC 6455 §5.3)\n");
        // tag::xor[]
        for (int i = 0; i < payload.length; i++) {
            int masked = (payload[i] ^ key[i % 4]) & 0xFF;
            out.append(String.format("%d  %02x '%c'   %02x           %02x%n", i, payload[i], (char) payload[i],
                    key[i % 4] & 0xFF, masked));
        }
        // end::xor[]
        snippets.write("ch04/masking-xor.txt", out.toString());

        MemoryWire wire = new MemoryWire(Optional.empty());
        wire.injectToServer(FrameEncoder.toBytes(Frame.text("Hello"))).pump();
        String events = String.join("\n", wire.events());
        if (!events.contains("1002")) {
            throw new ChapterFailure("our server did not fail an unmasked client frame with 1002: " + events);
        }
        snippets.write("ch04/unmasked-client.txt", "client → server (sent unmasked, against RFC 6455 §5.1)\n"
                + FrameTrace.render(Frame.text("Hello")) + "\n" + wire.trace() + events + "\n");
    }

    private static void fragmentsWithPing(Snippets snippets) throws IOException {
        MemoryWire wire = new MemoryWire(Optional.empty());
        // tag::fragments[]
        wire.client().sendFragment(Opcode.TEXT, "Hel".getBytes(StandardCharsets.UTF_8), false);
        wire.client().sendPing("still there?".getBytes(StandardCharsets.UTF_8)); // <1>
        wire.client().sendFragment(Opcode.TEXT, "lo".getBytes(StandardCharsets.UTF_8), true);
        wire.pump(); // <2>
        // end::fragments[]
        String events = String.join("\n", wire.events());
        if (!events.contains("text message \"Hello\"") || !events.contains("pong \"still there?\"")) {
            throw new ChapterFailure("fragments with a ping between them did not give Hello and a pong: " + events);
        }
        snippets.write("ch04/fragments-ping.txt", wire.trace() + events + "\n");
    }

    private static void closing(Snippets snippets) throws IOException {
        MemoryWire wire = new MemoryWire(Optional.empty());
        // tag::close[]
        wire.client().close(1000, "done", System.nanoTime());
        wire.pump();
        // end::close[]
        String events = String.join("\n", wire.events());
        if (!events.contains("client: closed 1000") || !events.contains("server: closed 1000")) {
            throw new ChapterFailure("the closing handshake did not end with 1000 on both sides: " + events);
        }
        snippets.write("ch04/closing.txt", wire.trace() + events + "\n"
                + "client state " + wire.client().state() + ", server state " + wire.server().state()
                + "; server closes the TCP connection first: " + wire.server().shouldCloseTransport() + "\n");
    }

    private static void deflate(Snippets snippets) throws IOException {
        String quote = "{\"type\":\"quote\",\"symbol\":\"ACME\",\"bid\":101.25,\"ask\":101.30,\"currency\":\"USD\","
                + "\"venue\":\"XNAS\",\"type2\":\"quote\",\"symbol2\":\"ACME\",\"currency2\":\"USD\"}";
        MemoryWire wire = new MemoryWire(Optional.of(DeflateParameters.DEFAULTS));
        // tag::deflate[]
        wire.client().sendText(quote);
        wire.client().sendText(quote); // <1>
        wire.pump();
        // end::deflate[]
        StringBuilder out = new StringBuilder(wire.trace());
        int original = quote.getBytes(StandardCharsets.UTF_8).length;
        int n = 1;
        for (Frame f : wire.sent()) {
            if (!f.rsv1()) {
                throw new ChapterFailure("a message went uncompressed with permessage-deflate on");
            }
            out.append(String.format("message %d: %d bytes of text, %d bytes of payload on the wire: %d saved (%.0f %%)%n",
                    n++, original, f.length(), original - f.length(), 100.0 * (original - f.length()) / original));
        }
        wire.events().forEach(e -> out.append(e).append('\n'));
        snippets.write("ch04/deflate.txt", out.toString());
    }

    private static void live(TourLab lab, Snippets snippets) throws IOException {
        String echo = TourLab.echo(lab.wslab()).toString();
        // tag::live[]
        CliRun trace = CliRun.of("echo", "--text", "Hello", "--ping", "--trace", "--no-progress", echo)
                .expectExit(0)
                .expectOutput("masking key");
        // end::live[]
        snippets.write("ch04/echo-trace.txt", trace.transcript("echo --text Hello --ping --trace " + echo));
        String jetty = TourLab.echo(lab.jetty()).toString();
        String text = "tick tick tick tick tick tick tick tick tick tick tick tick tick tick tick tick";
        CliRun deflate = CliRun.of("echo", "--deflate", "--text", text, "--count", "2", "--trace", "--no-progress", jetty)
                .expectExit(0)
                .expectOutput("RSV1");
        snippets.write("ch04/echo-deflate.txt",
                deflate.transcript("echo --deflate --text '" + text + "' --count 2 --trace " + jetty));
    }

    private static String spaced(String hex) {
        return hex.replaceAll("(..)(?!$)", "$1 ");
    }
}
