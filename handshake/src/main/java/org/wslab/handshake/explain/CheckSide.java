package org.wslab.handshake.explain;

/**
 * Which message of a transcript a rule judges: the request (as a server checks it, RFC 6455
 * §4.2.1), the response (as the client checks it, §4.1), or the transcript as a whole (how it was
 * read, and findings about both messages).
 */
public enum CheckSide {
    REQUEST,
    RESPONSE,
    BOTH
}
