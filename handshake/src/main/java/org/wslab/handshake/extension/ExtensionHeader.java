package org.wslab.handshake.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.spec.HandshakeRule;

/**
 * Reads and writes {@code Sec-WebSocket-Extensions} (RFC 6455 §9.1):
 * <pre>
 *   extension-list  = 1#extension
 *   extension       = extension-token *( ";" extension-param )
 *   extension-param = token [ "=" (token | quoted-string) ]
 * </pre>
 * with optional whitespace around {@code ; , =}. Repeated header fields form one list. A quoted
 * value is unescaped and must then be a token (§9.1). Empty list elements are skipped
 * (RFC 9110 §5.6.1). Anything else is an {@link Result.Invalid} naming {@link HandshakeRule#EXTENSIONS_SYNTAX}.
 */
public final class ExtensionHeader {
    private ExtensionHeader() {}

    /** The outcome of reading the header: the offers, or why the text breaks §9.1. */
    public sealed interface Result {
        /** The list in order. */
        record Parsed(List<ExtensionOffer> offers) implements Result {
            public Parsed {
                offers = List.copyOf(offers);
            }
        }

        /** The text breaks the grammar at {@code position} of the combined value. */
        record Invalid(HandshakeRule rule, String detail) implements Result {
            public Invalid {
                Objects.requireNonNull(rule, "rule");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    /** Parses the values of every {@code Sec-WebSocket-Extensions} field, in order, as one list. */
    public static Result parse(List<String> fieldValues) {
        return parse(String.join(",", fieldValues));
    }

    /** Parses one combined value, e.g. {@code permessage-deflate; client_max_window_bits, x-foo}. */
    public static Result parse(String value) {
        return new Reader(value).list();
    }

    /** Writes offers as one field value: {@code a; p=1, b}. */
    public static String format(List<ExtensionOffer> offers) {
        StringBuilder out = new StringBuilder();
        for (ExtensionOffer o : offers) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(o);
        }
        return out.toString();
    }

    /** A recursive-descent reader over one string. */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Result list() {
            List<ExtensionOffer> offers = new ArrayList<>();
            while (true) {
                skipOws();
                if (pos == s.length()) {
                    return new Result.Parsed(offers);
                }
                if (peek() == ',') {
                    pos++;
                    continue;
                }
                String name = token();
                if (name == null) {
                    return invalid("expected an extension token");
                }
                List<ExtensionParameter> params = new ArrayList<>();
                skipOws();
                while (pos < s.length() && peek() == ';') {
                    pos++;
                    skipOws();
                    String pname = token();
                    if (pname == null) {
                        return invalid("expected a parameter name after ';'");
                    }
                    skipOws();
                    Optional<String> pvalue = Optional.empty();
                    if (pos < s.length() && peek() == '=') {
                        pos++;
                        skipOws();
                        String v = pos < s.length() && peek() == '"' ? quoted() : token();
                        if (v == null) {
                            return invalid("expected a token or quoted-string value for " + pname);
                        }
                        if (!Tokens.isToken(v)) {
                            return invalid("quoted value of " + pname + " is not a token after unescaping");
                        }
                        pvalue = Optional.of(v);
                        skipOws();
                    }
                    params.add(new ExtensionParameter(pname, pvalue));
                }
                offers.add(new ExtensionOffer(name, params));
                if (pos < s.length() && peek() != ',') {
                    return invalid("expected ',' or ';'");
                }
            }
        }

        private String token() {
            int start = pos;
            while (pos < s.length() && Tokens.isTchar(peek())) {
                pos++;
            }
            return pos == start ? null : s.substring(start, pos);
        }

        /** quoted-string of RFC 9110 §5.6.4, unescaped; null if unterminated or holding a control. */
        private String quoted() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    if (pos == s.length()) {
                        return null;
                    }
                    c = s.charAt(pos++);
                }
                if (c < 0x20 && c != '\t' || c == 0x7F) {
                    return null;
                }
                out.append(c);
            }
            return null;
        }

        private char peek() {
            return s.charAt(pos);
        }

        private void skipOws() {
            while (pos < s.length() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        private Result invalid(String what) {
            return new Result.Invalid(HandshakeRule.EXTENSIONS_SYNTAX, what + " at character " + pos + " of \"" + s + "\"");
        }
    }
}
