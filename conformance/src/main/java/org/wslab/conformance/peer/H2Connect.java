package org.wslab.conformance.peer;

import java.util.List;
import java.util.Objects;
import org.wslab.handshake.http.HeaderField;

/**
 * RFC 8441 §4's extended CONNECT on a new HTTP/2 stream: {@code :method CONNECT} with a {@code :protocol},
 * and {@code :scheme}, {@code :path} and {@code :authority} naming the WebSocket URL (§5).
 *
 * @param protocol the {@code :protocol} pseudo-header: {@code websocket} (§5), or another a case tries
 * @param path     the {@code :path}, path and query of the URL
 * @param fields   the header fields (lower-case names, RFC 9113 §8.2.1), e.g. {@code sec-websocket-version: 13}
 */
public record H2Connect(String protocol, String path, List<HeaderField> fields) {
    /** The version RFC 6455 §4.1 (9) sends; RFC 8441 §5 keeps the field. */
    public static final HeaderField VERSION_13 = new HeaderField("sec-websocket-version", "13");

    public H2Connect {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(path, "path");
        fields = List.copyOf(fields);
    }

    /** The extended CONNECT of RFC 8441 §5 to {@code path} with {@code :protocol websocket} and {@code fields}. */
    public static H2Connect websocket(String path, HeaderField... fields) {
        return new H2Connect("websocket", path, List.of(fields));
    }

    /** What a case's notes and reports show: the pseudo-headers and fields, one per line. */
    String describe(String scheme, String authority) {
        StringBuilder b = new StringBuilder(":method: CONNECT\n:protocol: ").append(protocol).append("\n:scheme: ")
                .append(scheme).append("\n:path: ").append(path).append("\n:authority: ").append(authority);
        for (HeaderField f : fields) {
            b.append('\n').append(f.name()).append(": ").append(f.value());
        }
        return b.toString();
    }
}
