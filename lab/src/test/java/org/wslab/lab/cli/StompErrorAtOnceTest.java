package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.handshake.AcceptKey;

/**
 * A server that answers CONNECT with CONNECTED and at once an ERROR and its close (STOMP 1.2
 * "ERROR": the server closes after it), before the client could send anything else: whatever
 * {@code wslab stomp} then tries is refused as {@code NOT_CONNECTED}, and what it reports is the
 * server's ERROR (exit 1, its message on one line), never its own refused frame.
 */
class StompErrorAtOnceTest {
    @ParameterizedTest
    @ValueSource(strings = {"send", "subscribe"})
    void theErrorThatEndedTheSessionIsWhatIsReported(String action) throws Exception {
        try (RawServer server = RawServer.replyingThenEnding(StompErrorAtOnceTest::connectedThenError)) {
            List<String> args = action.equals("send") ? List.of("send", "/topic/x", "y") : List.of("subscribe", "/topic/x");
            for (int i = 0; i < 5; i++) {
                String[] all = Stream.concat(Stream.of("stomp", server.url("/websocket/app")), args.stream())
                        .toArray(String[]::new);
                CliRun run = CliRun.of(all);
                assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), "run " + i + ": " + run);
                assertEquals(List.of("wslab: the server sent ERROR: go away"), run.errLines().stream()
                        .filter(l -> !l.startsWith("connected to")).toList(), "run " + i + ": " + run);
                assertTrue(run.out().startsWith("ERROR\n"), "the ERROR frame is printed: " + run);
            }
        }
    }

    /** 101 for {@code key} with v12.stomp, then CONNECTED, ERROR and Close 1000 as unmasked server frames (RFC 6455 §5.2). */
    private static byte[] connectedThenError(String key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + AcceptKey.of(key) + "\r\nSec-WebSocket-Protocol: v12.stomp\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        text(out, "CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0");
        text(out, "ERROR\nmessage:go away\ncontent-type:text/plain\ncontent-length:3\n\nbye\0");
        out.writeBytes(new byte[] {(byte) 0x88, 0x02, 0x03, (byte) 0xE8}); // FIN + Close, 1000
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String frame) {
        byte[] b = frame.getBytes(StandardCharsets.UTF_8);
        out.write(0x81); // FIN + text
        out.write(b.length); // < 126: the 7-bit length
        out.writeBytes(b);
    }
}
