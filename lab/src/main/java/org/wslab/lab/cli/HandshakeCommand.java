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
 * over TLS for {@code wss://} (§4.1 (5), {@link TlsOptions}), against any server. Prints the request
 * as sent and the response as received, each line with its verdict and meaning, every rule
 * checked, and the verdict on the server: its answer judged against what RFC 6455 asks for the
 * request sent (§4.1, §4.2.1, §4.4); {@code --json} for scripts. What is printed and how it exits
 * is decided by {@link HandshakeOutput}.
 */
@Command(name = "handshake",
        header = "Perform a real opening handshake against a server and judge it.",
        description = "Opens a TCP connection to URL (with TLS for wss://), sends an opening handshake (RFC 6455 §4.1), and prints "
                + "the request as sent and the response as received (with the start of a refusal's body, at most 4 KiB) "
                + "with every header annotated, every rule checked, the timings and the verdict on the server. "
                + "The request is checked as a server must check it (§4.2.1): a request that breaks a rule (sent on "
                + "purpose with --header) must be refused, so a correct refusal passes and a 101 fails. After a 101 it "
                + "closes with a Close frame (1000).",
        footerHeading = "%nWhich exit code when:%n",
        footer = {
            "  0  the server did what RFC 6455 asks for the request sent: a 101 that",
            "     keeps every rule of §4.1 for a request that keeps every rule of",
            "     §4.2.1, or a refusal of a request that breaks one: a client error",
            "     (4xx), and for a Sec-WebSocket-Version it does not speak, a",
            "     Sec-WebSocket-Version field listing those it does (§4.4)",
            "  1  it did not: no 101 for a good request (e.g. 404 for a wrong path,",
            "     403 for the Origin), a 101 that breaks a rule (a wrong",
            "     Sec-WebSocket-Accept, an unoffered sub-protocol...), a 101 to a",
            "     request it must refuse, a refusal of the wrong form, or an answer",
            "     that is HTTP but malformed; stdout names the rule and its section,",
            "     stderr says it in one line",
            "  2  nothing to judge: a bad URL or option, an unknown host, connection",
            "     refused, a failed TLS handshake (untrusted, expired or wrong-host",
            "     certificate, not a TLS server...), --timeout passed before the",
            "     response head ended, or an answer that is not HTTP at all (no",
            "     \"HTTP/\" status line) or that ends before its header section",
            "     does; stdout shows what arrived,",
            "     stderr the one line (with --json, stdout holds the failure object)"
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
            description = "Limit for connecting and reading the whole response head and a refusal's body, "
                    + "e.g. 10s, 300ms (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the report as one JSON object (schemas/handshake.schema.json); "
            + "on exit code 2 the failure object instead (schemas/failure.schema.json).")
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
