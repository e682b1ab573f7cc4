package org.wslab.lab.cli;

/**
 * The part of {@code wslab explain}'s text output that judges the handshake: from the request head to
 * the verdict, without the "how the file was read" notes, which differ between the forms of one
 * transcript (LF or CRLF, Markdown or plain) while the judgement must not.
 */
final class JudgedOutput {
    private JudgedOutput() {}

    /** {@code out} from its {@code → request} line on. */
    static String of(String out) {
        int at = out.indexOf("→ request");
        return at < 0 ? out : out.substring(at);
    }
}
