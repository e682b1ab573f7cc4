package org.wslab.lab.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.lab.client.HandshakeProbe;
import org.wslab.lab.client.ProbeResult;
import org.wslab.lab.common.LabFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab handshake URL}: a real opening handshake (RFC 6455 §4.1) over a plain socket, or
 * over TLS for {@code wss://} (§4.1 (5), {@link TlsOptions}), against any server. Prints the request as sent and the response as received, each line with its
 * verdict and meaning, every rule checked, and the verdict; {@code --json} for scripts. What is
 * printed and how it exits is decided by {@link HandshakeOutput}.
 */
@Command(name = "handshake",
        header = "Perform a real opening handshake against a server and judge it.",
        description = "Opens a TCP connection to URL (with TLS for wss://), sends an opening handshake (RFC 6455 §4.1), and prints "
                + "the request as sent and the response as received with every header annotated, every "
                + "rule checked and the verdict. After an accepted handshake it closes with a Close "
                + "frame (1000).",
        footerHeading = "%nWhich exit code when:%n",
        footer = {
            "  0  the server accepted: 101, and every rule of RFC 6455 §4.1 holds",
            "  1  the server answered HTTP that breaks a rule: a status other than 101",
            "     (e.g. 200), a wrong Sec-WebSocket-Accept, an unoffered sub-protocol,",
            "     a malformed header line... stdout names the rule and its section,",
            "     stderr repeats the first in one line",
            "  2  nothing to judge: a bad URL or option, an unknown host, connection",
            "     refused, a failed TLS handshake (untrusted, expired or wrong-host",
            "     certificate, not a TLS server...), --timeout passed, or an answer",
            "     that is not HTTP at all (no \"HTTP/\" status line) or that ends",
            "     before its header section does"
        })
final class HandshakeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "ws://host[:port]/path[?query] or wss://…")
    String url;

    @Option(names = "--protocol", paramLabel = "P", split = ",",
            description = "Offer this sub-protocol (Sec-WebSocket-Protocol, RFC 6455 §4.1 (10)); repeatable, in order.")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--extension", paramLabel = "E",
            description = "Offer this extension, e.g. 'permessage-deflate; client_max_window_bits' "
                    + "(Sec-WebSocket-Extensions, RFC 6455 §9.1); repeatable, in order.")
    List<String> extensions = new ArrayList<>();

    @Option(names = "--origin", paramLabel = "O", description = "Send this Origin (RFC 6455 §4.1 (8)), as a browser would.")
    String origin;

    @Option(names = "--header", paramLabel = "K:V",
            description = "Add this header line; one named like a generated field (e.g. Sec-WebSocket-Version) "
                    + "replaces it, and with nothing after the colon (e.g. 'Upgrade:') leaves it out, to probe "
                    + "a server's refusals (RFC 6455 §4.2.1). Repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Limit for connecting and reading the whole response head, e.g. 10s, 300ms (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the report as JSON (nothing on stdout for exit code 2).")
    boolean json;

    @Mixin
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        WebSocketUri uri = parseUrl(url);
        ClientOptions options = options();
        ProbeResult result = HandshakeProbe.run(uri, options, timeout, tls.forUri(uri, spec));
        return new HandshakeOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), uri, json).print(result);
    }

    static WebSocketUri parseUrl(String text) {
        String trimmed = text.strip();
        WebSocketUri.Parse parse = WebSocketUri.parse(trimmed);
        if (parse instanceof WebSocketUri.Parse.Invalid invalid) {
            throw new LabFailure("not a WebSocket URL '" + text + "': " + invalid.detail() + " ("
                    + invalid.rule().section() + "; write ws://host:port/path or wss://host:port/path)");
        }
        return ((WebSocketUri.Parse.Valid) parse).uri();
    }

    private ClientOptions options() {
        List<ExtensionOffer> offers = new ArrayList<>();
        for (String e : extensions) {
            ExtensionHeader.Result parsed = ExtensionHeader.parse(e);
            if (parsed instanceof ExtensionHeader.Result.Invalid invalid) {
                throw usage("--extension '" + e + "' is not an extension offer: " + invalid.detail()
                        + " (" + invalid.rule().section() + ")");
            }
            offers.addAll(((ExtensionHeader.Result.Parsed) parsed).offers());
        }
        ClientOptions options;
        try {
            options = ClientOptions.defaults().withSubprotocols(trimmed(protocols)).withExtensions(offers.toArray(ExtensionOffer[]::new));
            if (origin != null) {
                options = options.withOrigin(origin.strip());
            }
            for (String h : headers) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw usage("--header must be K:V, not '" + h + "'");
                }
                options = options.withHeader(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
            }
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        return options;
    }

    private static String[] trimmed(List<String> values) {
        return values.stream().map(String::strip).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
