package org.wslab.benchmarks.stomp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;

/**
 * The frames both STOMP suites measure (STOMP 1.2 "STOMP Frames"), by the {@code frame} parameter:
 * {@code connect} (CONNECT with accept-version, host, login, passcode, heart-beat),
 * {@code message200} (MESSAGE with six headers and a 200-octet body), {@code send64k} (SEND with a
 * 64 KiB binary body holding NULs, framed by content-length) and {@code batch100} (100 MESSAGE
 * frames like {@code message200}, each with its own message-id). Each is given three ways: as
 * wslab frames, as wire octets written out by hand here (not by either encoder), and as the header
 * maps Spring's broker holds for them. content-length is the last header, where Spring's encoder
 * writes it, so both encoders can produce the same octets.
 */
final class StompFixtures {
    /** The frame parameter's values, cheapest first. */
    static final String[] NAMES = {"connect", "message200", "send64k", "batch100"};

    private StompFixtures() {}

    /** The frames one operation handles for {@code name}. */
    static List<StompFrame> frames(String name) {
        return switch (name) {
            case "connect" -> List.of(frame(StompCommand.CONNECT, new byte[0],
                    "accept-version", "1.2", "host", "broker.example.org", "login", "guest",
                    "passcode", "guest", "heart-beat", "10000,10000"));
            case "message200" -> List.of(message(0));
            case "send64k" -> List.of(frame(StompCommand.SEND, binary(65536),
                    "destination", "/queue/uploads", "content-type", "application/octet-stream",
                    "receipt", "upload-7", "content-length", "65536"));
            case "batch100" -> {
                List<StompFrame> all = new ArrayList<>(100);
                for (int i = 0; i < 100; i++) {
                    all.add(message(i));
                }
                yield all;
            }
            default -> throw new IllegalArgumentException("no fixture " + name);
        };
    }

    /** The wire octets of {@link #frames}, one after another, written out by hand. */
    static byte[] wire(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (StompFrame f : frames(name)) {
            StringBuilder head = new StringBuilder(f.command().name()).append('\n');
            for (StompHeader h : f.headers()) {
                head.append(h.name()).append(':').append(h.value()).append('\n');
            }
            out.writeBytes(head.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.body());
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * The message headers Spring's broker holds for {@code frame} when it hands it to its encoder:
     * command, native headers in order (content-length among them, which Spring rewrites from the
     * payload), and for CONNECT the passcode the way Spring keeps it (out of the native headers).
     */
    static Map<String, Object> springHeaders(StompFrame frame) {
        StompHeaderAccessor accessor = StompHeaderAccessor.create(
                org.springframework.messaging.simp.stomp.StompCommand.valueOf(frame.command().name()));
        for (StompHeader h : frame.headers()) {
            if (h.name().equals("passcode")) {
                accessor.setPasscode(h.value());
            } else {
                accessor.addNativeHeader(h.name(), h.value());
            }
        }
        return accessor.getMessageHeaders();
    }

    private static StompFrame message(int i) {
        return frame(StompCommand.MESSAGE, json(200), "destination", "/topic/prices.eur",
                "message-id", String.format("T_sub-0@@session-4f2a@@%06d", i), "subscription", "sub-0",
                "content-type", "application/json", "x-trace-id", "4bf92f3577b34da6a3ce929d0e0e4736",
                "content-length", "200");
    }

    private static StompFrame frame(StompCommand command, byte[] body, String... namesAndValues) {
        List<StompHeader> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new StompHeader(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new StompFrame(command, headers, body);
    }

    /** A JSON-looking ASCII body of exactly {@code size} octets. */
    private static byte[] json(int size) {
        StringBuilder sb = new StringBuilder("{\"symbol\":\"EURUSD\",\"bid\":1.0842,\"ask\":1.0844,\"levels\":[");
        int level = 0;
        while (sb.length() < size - 2) {
            sb.append(level++ % 10);
            sb.append(',');
        }
        sb.setLength(size - 2);
        return sb.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code size} seeded random octets; about one in 256 is NUL. */
    private static byte[] binary(int size) {
        byte[] b = new byte[size];
        new Random(64).nextBytes(b);
        b[0] = 0;
        b[size - 1] = 0;
        return b;
    }
}
