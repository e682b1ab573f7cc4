package org.wslab.lab.cli;

/**
 * The lab's exit codes, one meaning each (DESIGN.md, "Command line conventions").
 *
 * <ul>
 *   <li>{@link #OK} 0: everything checked passed.</li>
 *   <li>{@link #CHECK_FAILED} 1: a protocol check failed; the output names the rule and its section.</li>
 *   <li>{@link #USAGE_OR_CONNECTION} 2: bad arguments, or nothing to judge (no connection, a timeout,
 *       an answer that is not HTTP); one line on stderr.</li>
 * </ul>
 */
public final class ExitCode {
    /** Everything checked passed. */
    public static final int OK = 0;
    /** A check failed; stdout names the rule. */
    public static final int CHECK_FAILED = 1;
    /** A usage or connection error; one line on stderr. */
    public static final int USAGE_OR_CONNECTION = 2;

    private ExitCode() {}
}
