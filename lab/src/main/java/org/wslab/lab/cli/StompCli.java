package org.wslab.lab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab stomp URL subscribe|send …}: a STOMP 1.0–1.2 client over WebSocket on the lab's own
 * engine (RFC 6455; offering {@code v10.stomp, v11.stomp, v12.stomp} as in the source notes). The URL comes
 * before the action, so a script can keep it in one variable.
 */
@Command(name = "stomp",
        header = "A STOMP client over WebSocket: subscribe to or send to a destination.",
        description = "Connects to URL (e.g. ws://127.0.0.1:8080/websocket/app), offering the sub-protocols "
                + "v10.stomp, v11.stomp, v12.stomp and accept-version 1.0,1.1,1.2, then runs the action. "
                + "An ERROR frame from the server exits 1 naming its rule; a connection problem, a close, or a "
                + "STOMP rule the server broke exits 2 with one line.",
        subcommands = {StompSubscribeCommand.class, StompSendCommand.class},
        footerHeading = "%nWhich exit code when:%n",
        footer = {
            "  0    subscribe: --count messages printed; send: sent, and DISCONNECT's",
            "       RECEIPT came back",
            "  1    the server sent an ERROR frame: stderr quotes its message, which",
            "       names the STOMP rule",
            "  2    a bad URL or option, no connection, a refused WebSocket handshake",
            "       (e.g. 404 on a path that is no STOMP endpoint), --timeout passed,",
            "       the server closed the WebSocket (e.g. 1001 going away) or the",
            "       connection dropped (1006), or the server broke a STOMP rule (e.g.",
            "       an echo endpoint sending our CONNECT back)",
            "  130  subscribe stopped by Ctrl-C (143 by SIGTERM), after DISCONNECT",
            "       and a summary"
        })
final class StompCli implements Runnable {

    @Parameters(index = "0", paramLabel = "URL", description = "ws://host[:port]/path of a STOMP endpoint")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "an action is missing after the URL: subscribe or send");
    }
}
