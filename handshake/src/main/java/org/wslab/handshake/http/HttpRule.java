package org.wslab.handshake.http;

import org.wslab.handshake.spec.SpecRule;

/**
 * The HTTP/1.1 message-syntax rules (RFC 9112, RFC 9110) and the upgrade-request rules (RFC 6455
 * §4.1, §4.2.1) that {@link RequestHeadParser} and {@link ResponseHeadParser} enforce while reading
 * a head. Each parse failure names one of these.
 */
public enum HttpRule implements SpecRule {
    REQUEST_LINE_SYNTAX("RFC 9112 §3",
            "a request line is method SP request-target SP HTTP-version CRLF"),
    STATUS_LINE_SYNTAX("RFC 9112 §4",
            "a status line is HTTP-version SP 3DIGIT SP [reason-phrase] CRLF"),
    HTTP_VERSION_SYNTAX("RFC 9112 §2.3", "HTTP-version is \"HTTP/\" DIGIT \".\" DIGIT"),
    REQUEST_TARGET_FORM("RFC 9112 §3.2",
            "a GET request-target is in origin-form (/path?query) or absolute-form (scheme://authority/path)"),
    FIELD_LINE_SYNTAX("RFC 9112 §5", "a field line is field-name \":\" OWS field-value OWS"),
    FIELD_NAME_TOKEN("RFC 9110 §5.1", "a field name is a non-empty token, with no whitespace before the colon"),
    FIELD_VALUE_CHARACTERS("RFC 9110 §5.5",
            "a field value holds visible characters, SP, HTAB and obs-text only (no NUL or other controls)"),
    OBSOLETE_LINE_FOLDING("RFC 9112 §5.2",
            "obs-fold (a field line starting with SP or HTAB) is rejected in requests and responses here"),
    BARE_CR("RFC 9112 §2.2", "a CR not followed by LF is invalid outside a field value's content"),
    HEADER_SECTION_LIMIT("RFC 9110 §5.4 / RFC 6585 §5",
            "the head (start line and fields) must fit the configured limit (default 8 KiB)"),
    FIELD_COUNT_LIMIT("RFC 9110 §5.4", "the head must not carry more field lines than the configured limit"),
    METHOD_GET("RFC 6455 §4.1 (2) / §4.2.1 (1)", "the opening handshake request method is GET"),
    HOST_PRESENT("RFC 9112 §3.2 / RFC 6455 §4.2.1 (2)", "the request carries exactly one Host field"),
    NO_REQUEST_BODY("RFC 9110 §9.3.1 / RFC 6455 §4.1",
            "the upgrade GET carries no content: no Transfer-Encoding and no Content-Length above 0"),
    ;

    private final String section;
    private final String statement;

    HttpRule(String section, String statement) {
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
