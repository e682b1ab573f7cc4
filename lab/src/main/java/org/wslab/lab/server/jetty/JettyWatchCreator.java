package org.wslab.lab.server.jetty;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.wslab.lab.server.watch.ConnectionWatch;

/**
 * In front of a Jetty endpoint of a watched server ({@code serve --log} / {@code --trace}): puts
 * {@link JettyWatchExtension} first among the negotiated extensions (RFC 6455 §9.1; an internal one,
 * never sent to the client) with the token of the upgrade's watch once {@code next} created the
 * endpoint, and logs the 101 with the sub-protocol and extensions agreed (§4.2.2).
 */
final class JettyWatchCreator implements WebSocketCreator {
    private final WebSocketCreator next;

    JettyWatchCreator(WebSocketCreator next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback)
            throws Exception {
        Optional<ConnectionWatch> watch = JettyWatchHandler.watchOf(request);
        Object endpoint = next.createWebSocket(request, response, callback);
        if (endpoint != null && watch.isPresent()) {
            List<String> agreed = response.getExtensions().stream().map(ExtensionConfig::getName)
                    .filter(n -> !n.startsWith("@")).toList();
            long token = JettyWatchTaps.put(watch.get());
            JettyWatchHandler.tokenIs(request, token);
            List<ExtensionConfig> extensions = new ArrayList<>();
            extensions.add(ExtensionConfig.parse(JettyWatchExtension.NAME + ";" + JettyWatchExtension.TOKEN + "=" + token));
            extensions.addAll(response.getExtensions());
            response.setExtensions(extensions);
            // logged here, before any frame can pass: from now on Jetty answers 101 with these
            watch.get().accepted(JettyWatchHandler.requestLine(request),
                    Optional.ofNullable(response.getAcceptedSubProtocol()), agreed);
        }
        return endpoint;
    }
}
