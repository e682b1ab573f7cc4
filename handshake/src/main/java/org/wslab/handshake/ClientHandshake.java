package org.wslab.handshake;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;

/**
 * The client side of the opening handshake (RFC 6455 §4.1), sans-I/O: builds the request for a
 * {@link WebSocketUri} with a fresh key, then validates the server's response head into a
 * {@link ClientVerdict}. One instance per connection attempt.
 *
 * <pre>{@code
 * var uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse("ws://127.0.0.1:8080/echo")).uri();
 * ClientHandshake hs = ClientHandshake.create(uri, ClientOptions.defaults().withSubprotocols("v12.stomp"));
 * socket.getOutputStream().write(hs.requestBytes());
 * ... feed socket bytes to a ResponseHeadParser until Parsed ...
 * ClientVerdict v = hs.validate(parsed.head());
 * }</pre>
 */
public final class ClientHandshake {
    private static final Set<String> GENERATED = Set.of("host", "upgrade", "connection", "sec-websocket-key",
            "sec-websocket-version", "origin", "sec-websocket-protocol", "sec-websocket-extensions");

    private final WebSocketUri uri;
    private final ClientOptions options;
    private final String key;
    private final RequestHead request;

    private ClientHandshake(WebSocketUri uri, ClientOptions options, String key) {
        this.uri = uri;
        this.options = options;
        this.key = key;
        this.request = build(uri, options, key);
    }

    /** A handshake with a key from a new {@link SecureRandom}. */
    public static ClientHandshake create(WebSocketUri uri, ClientOptions options) {
        return create(uri, options, new SecureRandom());
    }

    /** A handshake with a key drawn from {@code random} (a SecureRandom in production, seeded in tests). */
    public static ClientHandshake create(WebSocketUri uri, ClientOptions options, Random random) {
        return new ClientHandshake(Objects.requireNonNull(uri, "uri"), Objects.requireNonNull(options, "options"),
                AcceptKey.newKey(random));
    }

    /** The URI connected to. */
    public WebSocketUri uri() {
        return uri;
    }

    /** The options in force. */
    public ClientOptions options() {
        return options;
    }

    /** The Sec-WebSocket-Key sent. */
    public String key() {
        return key;
    }

    /** The Sec-WebSocket-Accept the server must answer. */
    public String expectedAccept() {
        return AcceptKey.of(key);
    }

    /** The request head to send. */
    public RequestHead request() {
        return request;
    }

    /** The request's exact bytes. */
    public byte[] requestBytes() {
        return HeadWriter.write(request);
    }

    /** What the request as built offered (extra headers included), as the response checks need it. */
    public ClientOffer offer() {
        return ClientOffer.of(request);
    }

    /** Every response check with its outcome (for display), plus what was settled. */
    public ResponseReport report(ResponseHead response) {
        return ResponseRules.check(response, offer());
    }

    /** Accepted, or rejected for the first rule the response broke. */
    public ClientVerdict validate(ResponseHead response) {
        return report(response).verdict();
    }

    private static RequestHead build(WebSocketUri uri, ClientOptions options, String key) {
        Headers h = Headers.of(
                "Host", uri.hostHeader(),
                "Upgrade", "websocket",
                "Connection", "Upgrade",
                "Sec-WebSocket-Key", key,
                "Sec-WebSocket-Version", "13");
        if (options.origin().isPresent()) {
            h = h.with("Origin", options.origin().get());
        }
        if (!options.subprotocols().isEmpty()) {
            h = h.with("Sec-WebSocket-Protocol", String.join(", ", options.subprotocols()));
        }
        if (!options.extensions().isEmpty()) {
            h = h.with("Sec-WebSocket-Extensions", ExtensionHeader.format(options.extensions()));
        }
        for (HeaderField extra : options.extraHeaders()) {
            if (GENERATED.contains(extra.name().toLowerCase(Locale.ROOT))) {
                h = h.without(extra.name());
            }
        }
        for (HeaderField extra : options.extraHeaders()) {
            if (!(extra.value().isEmpty() && GENERATED.contains(extra.name().toLowerCase(Locale.ROOT)))) {
                h = h.with(extra.name(), extra.value()); // an empty generated field is left out
            }
        }
        return RequestHead.get(uri.resourceName(), h);
    }
}
