package org.wslab.handshake;

import org.wslab.handshake.spec.SpecRule;

/**
 * What a server's refusal of an opening handshake must look like when the request breaks a rule
 * of RFC 6455 §4.2.1: the rules a client can check on a refusal, so a probe that sends such a
 * request on purpose can tell a correct refusal from a wrong one.
 */
public enum RefusalRule implements SpecRule {
    /** §4.2.1: "return an HTTP response with an appropriate error code (such as 400 Bad Request)". */
    REFUSED_WITH_CLIENT_ERROR("RFC 6455 §4.2.1 / RFC 9110 §15.5",
            "a request that breaks a rule of §4.2.1 is refused with a client error status (4xx), such as 400 Bad Request"),
    /**
     * §4.4: a server that does not speak the requested version "MUST respond with a
     * |Sec-WebSocket-Version| header field ... containing all versions it is willing to use";
     * §4.2.2 (4) /version/ suggests 426 Upgrade Required as the status.
     */
    VERSION_REFUSAL_LISTS_VERSIONS("RFC 6455 §4.4 / §4.2.2 (4) /version/",
            "a refusal of an unsupported Sec-WebSocket-Version carries Sec-WebSocket-Version with the versions"
                    + " the server speaks (§4.2.2 suggests 426 Upgrade Required)");

    private final String section;
    private final String statement;

    RefusalRule(String section, String statement) {
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
