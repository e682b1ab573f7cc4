package org.wslab.lab.common;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.engine.OpeningRule;
import org.wslab.framing.tls.TlsFailure;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.spec.SpecRule;

/**
 * Every way a client command can fail to get, or keep, a working WebSocket: one typed value each,
 * with one rendering ({@link #line()}) used by every command, and a stable {@link #kind()} and rule
 * for {@code --json}. Built by {@link ConnectFailures} from the engine's typed events and the
 * JDK's exception types — never from an exception's message — so the same server gives the same
 * line whichever command met it.
 *
 * <p>The cases follow a connection's life: the name (DNS), TCP (RFC 9293), TLS (RFC 8446, under
 * {@code wss://}), the HTTP answer (RFC 9112), the opening handshake (RFC 6455 §4.1), and once
 * open the closing handshake (§7) or a rule the peer broke (§5–§8, or a STOMP rule).
 */
public sealed interface ConnectFailure {

    /** A stable lower-case name for scripts: {@code refused}, {@code tls}, {@code not-http}, … */
    String kind();

    /** The rule that names the failure, when one does. */
    Optional<SpecRule> specRule();

    /** The one line for a person: what happened, on the wire, and where it helps what to do. */
    String line();

    /** The host name did not resolve (RFC 1035; no address to connect to). */
    record UnknownHost(String host) implements ConnectFailure {
        public String kind() {
            return "unknown-host";
        }

        public Optional<SpecRule> specRule() {
            return Optional.empty();
        }

        public String line() {
            return "unknown host '" + host + "' (the name does not resolve to an address)";
        }
    }

    /**
     * The TCP connection could not be opened: refused (a reset), unreachable, or not within the
     * timeout; {@code rule} is one of the {@code CONNECT_…} rules of {@link OpeningRule}.
     */
    record NoConnection(String where, OpeningRule rule, Optional<Duration> timeout) implements ConnectFailure {
        public NoConnection {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(rule, "rule");
        }

        public String kind() {
            return switch (rule) {
                case CONNECT_REFUSED -> "refused";
                case CONNECT_UNREACHABLE -> "unreachable";
                case CONNECT_TIMEOUT -> "timeout";
                default -> "no-connection";
            };
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(rule);
        }

        public String line() {
            return switch (rule) {
                case CONNECT_REFUSED -> "connection refused by " + where + ": is a server listening there?";
                case CONNECT_UNREACHABLE -> "no route to " + where + " (" + rule.section() + ": destination unreachable)";
                case CONNECT_TIMEOUT -> "timed out" + timeout.map(t -> " after " + DurationText.format(t)).orElse("")
                        + " connecting to " + where + " (no answer to the TCP connect; --timeout sets the limit)";
                default -> "cannot connect to " + where + " (" + rule.cite() + ")";
            };
        }
    }

    /**
     * Nothing, or not enough, came within the command's timeout.
     *
     * @param waitingFor what the command waited for, e.g. {@code the response from}
     * @param received   bytes received so far, or -1 when not counted
     */
    record TimedOut(String waitingFor, String where, Duration timeout, long received) implements ConnectFailure {
        public String kind() {
            return "timeout";
        }

        public Optional<SpecRule> specRule() {
            return Optional.empty();
        }

        public String line() {
            return "timed out after " + DurationText.format(timeout) + " waiting for " + waitingFor + " "
                    + where + " (" + (received >= 0 ? received + " bytes received; " : "") + "--timeout sets the limit)";
        }
    }

    /** The TLS under {@code wss://} failed, or a {@code ws://} URL met a TLS server (RFC 6455 §4.1 (5)). */
    record Tls(TlsFailure failure, String host, int port) implements ConnectFailure {
        public String kind() {
            return "tls";
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(failure.problem());
        }

        public String line() {
            return TlsFailureLine.of(failure, host, port);
        }
    }

    /**
     * The server answered bytes that are not HTTP (no {@code HTTP/} status line, RFC 9112 §4):
     * another protocol's greeting, such as an SSH banner, or garbage.
     *
     * @param first the first octets received (shown escaped, cut)
     * @param total how many octets came, or -1 when not counted
     */
    record NotHttp(String where, byte[] first, int total) implements ConnectFailure {
        public String kind() {
            return "not-http";
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(HttpRule.STATUS_LINE_SYNTAX);
        }

        public String line() {
            return where + " answered " + (total >= 0 ? total + " bytes" : "bytes") + " that are not HTTP: \"" + WireText.quote(first, 60)
                    + "\" (" + HttpRule.STATUS_LINE_SYNTAX.section() + ": a response starts with an \"HTTP/\" status line)";
        }
    }

    /**
     * The server closed the connection before a complete response head (RFC 9112 §8: an incomplete
     * message), or without a word.
     */
    record ClosedEarly(String where, int received) implements ConnectFailure {
        public String kind() {
            return "closed";
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(OpeningRule.CLOSED_DURING_HANDSHAKE);
        }

        public String line() {
            return received == 0
                    ? where + " closed the connection without answering the opening handshake (RFC 6455 §4.1)"
                    : where + " closed the connection after " + received + " bytes, before the response head ended"
                            + " (RFC 9112 §8: an incomplete message)";
        }
    }

    /** The answer began as HTTP but breaks HTTP/1.1 syntax or a limit (the parser's typed failure). */
    record BrokenHttp(String where, HttpParseFailure failure) implements ConnectFailure {
        public String kind() {
            return "broken-http";
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(failure.rule());
        }

        public String line() {
            return where + " answered HTTP that breaks " + failure.rule().name() + " (" + failure.rule().section()
                    + ") at byte " + failure.offset() + ": " + WireText.safe(failure.detail());
        }
    }

    /**
     * The server answered a status other than 101: no WebSocket (RFC 6455 §4.1 (response 1)).
     *
     * @param body the start of the response body, as text (may be empty); shown escaped and cut
     * @param hint what the status usually means here, e.g. a wrong path; may be empty
     */
    record NotUpgraded(String where, int status, String reason, SpecRule rule, String body, String hint)
            implements ConnectFailure {
        public String kind() {
            return "status";
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(rule);
        }

        public String line() {
            String text = WireText.bodyText(body);
            String said = text.isEmpty() ? "" : "; it said \"" + WireText.cut(WireText.safe(text), 100) + "\"";
            return "the server at " + where + " did not open a WebSocket: HTTP " + status
                    + (reason.isEmpty() ? "" : " " + WireText.safe(reason)) + " (" + rule.section()
                    + ": only 101 opens one)" + said + (hint.isEmpty() ? "" : " — " + hint);
        }
    }

    /** The server answered 101 but broke a rule of the handshake, so the client fails the connection (RFC 6455 §4.1). */
    record BadUpgrade(String where, SpecRule rule, String detail) implements ConnectFailure {
        public String kind() {
            return "bad-upgrade";
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(rule);
        }

        public String line() {
            return "the server at " + where + " answered 101 but broke " + rule.name() + " (" + rule.section() + "): "
                    + WireText.safe(detail) + "; a client must fail such a connection (RFC 6455 §4.1)";
        }
    }

    /** The open connection ended: a close code from the peer, or none (1006, RFC 6455 §7.1.5). */
    record Closed(String where, int code, String reason, boolean byPeer) implements ConnectFailure {
        public String kind() {
            return code == 1006 ? "connection-lost" : "closed-with-code";
        }

        public Optional<SpecRule> specRule() {
            return Optional.empty();
        }

        public String line() {
            if (code == 1006) {
                return "the connection to " + where + " ended without a closing handshake (1006, RFC 6455 §7.1.5)";
            }
            return (byPeer ? where + " closed the connection with " : "the connection to " + where + " closed with ")
                    + org.wslab.framing.codec.CloseCode.describe(code) + (reason.isEmpty() ? "" : ": " + WireText.safe(reason));
        }
    }

    /** The peer broke a protocol rule (a frame, a UTF-8 text, a STOMP frame); the client failed the connection. */
    record Violation(String where, SpecRule rule, String detail, Optional<Integer> closeCode) implements ConnectFailure {
        public String kind() {
            return "protocol-violation";
        }

        public Optional<SpecRule> specRule() {
            return Optional.of(rule);
        }

        public String line() {
            return where + " broke " + rule.name() + " (" + rule.section() + ")" + (detail.isEmpty() ? "" : ": "
                    + WireText.safe(detail)) + closeCode.map(c -> "; closed with " + c).orElse("")
                    + " (--trace shows the frame)";
        }
    }
}
