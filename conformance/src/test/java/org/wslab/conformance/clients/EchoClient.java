package org.wslab.conformance.clients;

import java.net.URI;

/** A WebSocket client under test, driven as an echo client: connects {@code count} times, echoing every message. */
public interface EchoClient {
    /** Connects to {@code uri} {@code count} times in turn, each connection given at most about {@code caseMillis}. */
    void run(URI uri, int count, long caseMillis) throws Exception;
}
