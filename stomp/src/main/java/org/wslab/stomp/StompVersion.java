package org.wslab.stomp;

import java.util.Optional;

/**
 * STOMP protocol versions and the rules that differ between them.
 *
 * <ul>
 *   <li>1.0: no header escaping; lines end with LF.</li>
 *   <li>1.1: escapes {@code \n \c \\} (STOMP 1.1 "Value Encoding"); lines end with LF.</li>
 *   <li>1.2: also {@code \r}; lines may end with CR LF (STOMP 1.2 "Value Encoding", "Augmented BNF").</li>
 * </ul>
 * Each version maps to a WebSocket sub-protocol {@code v10.stomp}, {@code v11.stomp}, {@code v12.stomp}.
 */
public enum StompVersion {
    V1_0("1.0", "v10.stomp"),
    V1_1("1.1", "v11.stomp"),
    V1_2("1.2", "v12.stomp");

    private final String text;
    private final String subProtocol;

    StompVersion(String text, String subProtocol) {
        this.text = text;
        this.subProtocol = subProtocol;
    }

    /** The version as written in {@code accept-version} and {@code version}, e.g. {@code 1.2}. */
    public String text() {
        return text;
    }

    /** The WebSocket sub-protocol name, e.g. {@code v12.stomp}. */
    public String subProtocol() {
        return subProtocol;
    }

    /** A section of this version's text, e.g. {@code STOMP 1.2 "Value Encoding"}. */
    public String cite(String sectionTitle) {
        return "STOMP " + text + " \"" + sectionTitle + "\"";
    }

    /** Whether header names and values are escaped (1.1 and 1.2). */
    public boolean escapes() {
        return this != V1_0;
    }

    /** Whether a CR before LF ends a line (1.2), rather than being part of it. */
    public boolean acceptsCrLf() {
        return this == V1_2;
    }

    /** The version written as {@code text} (e.g. {@code 1.2}), if it is one we know. */
    public static Optional<StompVersion> fromText(String text) {
        for (StompVersion v : values()) {
            if (v.text.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The version for a WebSocket sub-protocol name (e.g. {@code v12.stomp}), if it is one we know. */
    public static Optional<StompVersion> fromSubProtocol(String name) {
        for (StompVersion v : values()) {
            if (v.subProtocol.equalsIgnoreCase(name)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
