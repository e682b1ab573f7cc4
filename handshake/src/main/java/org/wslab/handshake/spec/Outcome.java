package org.wslab.handshake.spec;

/**
 * The result of checking one rule of RFC 6455 §4 / RFC 7692 §7.1 (or RFC 9112 for the HTTP head):
 * it holds, it is broken, or a fact worth telling (no verdict).
 */
public enum Outcome {
    /** The rule holds. */
    PASS,
    /** The rule is broken. */
    FAIL,
    /** A finding without a verdict, e.g. "the server picked v10.stomp of 3 offers". */
    INFO
}
