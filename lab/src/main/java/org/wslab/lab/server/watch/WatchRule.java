package org.wslab.lab.server.watch;

import org.wslab.handshake.spec.SpecRule;

/** The rules a lab server's log names that no protocol module owns. */
public enum WatchRule implements SpecRule {
    /** Our engine answers one connection more than {@code --max-connections} with 503 before reading it. */
    MAX_CONNECTIONS("RFC 9110 §15.6.4", "the server already serves its connection limit: 503, try again later");

    private final String section;
    private final String statement;

    WatchRule(String section, String statement) {
        this.section = section;
        this.statement = statement;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public String statement() {
        return statement;
    }
}
