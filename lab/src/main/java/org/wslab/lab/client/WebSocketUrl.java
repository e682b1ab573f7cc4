package org.wslab.lab.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.wslab.lab.cli.LabFailure;

/**
 * A {@code ws://} URL taken apart as RFC 6455 §3 defines it: host, port (80 when absent), and the
 * resource name (path and query) that becomes the request-target of the opening handshake
 * (§4.1 steps 1–2). {@code wss://} is refused for now (the lab has no TLS client yet), as are
 * other schemes, fragments (§3: "#" must not appear) and user info.
 *
 * @param host          the host as written (IPv6 without brackets)
 * @param port          the port, 80 by default
 * @param resourceName  path (at least {@code /}) plus {@code ?query} when there is one
 * @param hostHeader    the {@code Host} header value: host, and {@code :port} unless it is 80 (§4.1 step 4)
 */
public record WebSocketUrl(String host, int port, String resourceName, String hostHeader) {
    /** Default port of {@code ws://} (RFC 6455 §3). */
    public static final int DEFAULT_PORT = 80;

    /** Parses {@code text}, or throws a {@link LabFailure} whose message says what is wrong with it. */
    public static WebSocketUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new LabFailure("malformed URL '" + text + "': " + e.getReason()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new LabFailure("malformed URL '" + text + "': no scheme (write ws://host:port/path)");
        }
        if ("wss".equals(scheme)) {
            throw new LabFailure("wss:// is not supported yet (the lab has no TLS client); use ws://");
        }
        if (!"ws".equals(scheme)) {
            throw new LabFailure("unsupported scheme '" + scheme + "' in '" + text
                    + "': a WebSocket URL starts with ws:// (RFC 6455 §3)");
        }
        if (uri.getRawFragment() != null) {
            throw new LabFailure("malformed URL '" + text + "': a WebSocket URL has no #fragment (RFC 6455 §3)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new LabFailure("malformed URL '" + text + "': user info is not part of a WebSocket URL (RFC 6455 §3)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new LabFailure("malformed URL '" + text + "': no host (write ws://host:port/path)");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw new LabFailure("malformed URL '" + text + "': port " + port + " is out of range");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String resource = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String hostHeader = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (port == DEFAULT_PORT ? "" : ":" + port);
        return new WebSocketUrl(bareHost, port, resource, hostHeader);
    }

    /** {@code host:port} for messages. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
