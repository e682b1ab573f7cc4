package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.wslab.handshake.AcceptKey;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 1, "The opening handshake" (RFC 6455 §1.3, §4.1, §4.2, §10.2): the source notes'
 * recorded handshake explained header by header, the accept computed for the RFC's own key, a live
 * handshake against the lab, and the refusals 426, 400 and 403 (a foreign Origin), each the real
 * output of {@code wslab explain} or {@code wslab handshake} run in-process.
 */
public final class OpeningHandshakeRun implements ChapterRun {
    /** The sample nonce of RFC 6455 §1.3 ("the sample nonce", base64). */
    static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        // tag::explain[]
        Path notes = snippets.write("ch01/notes-handshake.txt", fixture("fixtures/notes-handshake.txt"));
        CliRun explain = CliRun.of("explain", notes.toString())
                .expectExit(1) // <1>
                .expectOutput("ACCEPT_MATCHES_KEY"); // <2>
        // end::explain[]
        snippets.write("ch01/explain-notes.txt", explain.transcript("explain notes-handshake.txt"));

        // tag::accept[]
        String accept = AcceptKey.of(RFC_KEY); // base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
        // end::accept[]
        if (!accept.equals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")) {
            throw new ChapterFailure("AcceptKey.of(RFC key) gave " + accept + ", not RFC 6455 §1.3's value");
        }
        snippets.write("ch01/accept-rfc.txt", "key    " + RFC_KEY + "\nGUID   " + AcceptKey.GUID
                + "\naccept " + accept + "\n");

        String echo = TourLab.echo(lab.jetty()).toString();
        // tag::live[]
        CliRun live = CliRun.of("handshake", "--header", "Sec-WebSocket-Key: " + RFC_KEY, echo)
                .expectExit(0)
                .expectOutput("HTTP/1.1 101 Switching Protocols")
                .expectOutput("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        // end::live[]
        snippets.write("ch01/handshake-live.txt",
                live.transcript("handshake --header 'Sec-WebSocket-Key: " + RFC_KEY + "' " + echo));

        String app = TourLab.stomp(lab.wslab()).toString();
        CliRun stomp = CliRun.of("handshake", "--protocol", "v10.stomp,v11.stomp,v12.stomp",
                "--extension", "permessage-deflate; client_max_window_bits", app)
                .expectExit(0).expectOutput("101 Switching Protocols").expectOutput("Sec-WebSocket-Protocol: v1");
        snippets.write("ch01/handshake-stomp.txt", stomp.transcript(
                "handshake --protocol v10.stomp,v11.stomp,v12.stomp --extension 'permessage-deflate; client_max_window_bits' " + app));

        refusals(lab, snippets);
    }

    private static void refusals(TourLab lab, Snippets snippets) throws IOException {
        String echo = TourLab.echo(lab.wslab()).toString();
        // tag::refusals[]
        CliRun oldVersion = CliRun.of("handshake", "--header", "Sec-WebSocket-Version: 8", echo)
                .expectExit(0) // <1>
                .expectOutput("426");
        CliRun noKey = CliRun.of("handshake", "--header", "Sec-WebSocket-Key:", echo) // <2>
                .expectExit(0)
                .expectOutput("400");
        // end::refusals[]
        snippets.write("ch01/refuse-426.txt", oldVersion.transcript("handshake --header 'Sec-WebSocket-Version: 8' " + echo));
        snippets.write("ch01/refuse-400.txt", noKey.transcript("handshake --header 'Sec-WebSocket-Key:' " + echo));

        String guarded = TourLab.echo(lab.guarded()).toString();
        // tag::origin[]
        CliRun foreign = CliRun.of("handshake", "--origin", "https://evil.example", guarded)
                .expectExit(1) // <1>
                .expectOutput("403 Forbidden")
                .expectOutput("ORIGIN_ALLOWED");
        CliRun own = CliRun.of("handshake", "--origin", TourLab.ALLOWED_ORIGIN, guarded)
                .expectExit(0)
                .expectOutput("101 Switching Protocols");
        // end::origin[]
        snippets.write("ch01/refuse-403.txt", foreign.transcript("handshake --origin https://evil.example " + guarded));
        snippets.write("ch01/origin-allowed.txt", own.transcript("handshake --origin " + TourLab.ALLOWED_ORIGIN + " " + guarded));
    }

    static String fixture(String resource) throws IOException {
        try (InputStream in = OpeningHandshakeRun.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
