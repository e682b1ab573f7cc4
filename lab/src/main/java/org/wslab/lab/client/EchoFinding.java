package org.wslab.lab.client;

import java.util.Objects;
import org.wslab.handshake.spec.SpecRule;

/**
 * Why an echo run failed (RFC 6455 §5.6 echo, §5.5.3 pong, §7.4.1 close code, or a rule the
 * peer broke): the rule, and one line for a person naming what was seen.
 */
public record EchoFinding(SpecRule rule, String line) {
    public EchoFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(line, "line");
    }
}
