package org.wslab.framing.codec;

/**
 * Which end of the connection we are. It decides masking (RFC 6455 §5.1, §5.3): a client masks
 * every frame it sends, a server masks none, and each side fails the connection when the other
 * breaks that rule.
 */
public enum Role {
    /** Opens the connection; masks every frame it sends. */
    CLIENT,
    /** Accepts the connection; never masks. */
    SERVER;

    /** Whether frames sent by this role carry a mask (§5.3). */
    public boolean masksOutgoing() {
        return this == CLIENT;
    }

    /** The other end. */
    public Role peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
