package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.wslab.testkit.Props;

/** The Origin allow-list of RFC 6455 §4.2.2 (4) / §10.2, compared as RFC 6454 §4 and §5 say. */
class OriginPatternTest {
    private static final List<String> LABELS = List.of("app", "example", "com", "localhost", "a1", "x-y", "org");

    static Gen<String> hosts() {
        return Generate.pick(LABELS).zip(Generate.pick(LABELS), integers().between(1, 3),
                (a, b, n) -> n == 1 ? a : n == 2 ? a + "." + b : a + "." + b + ".test");
    }

    static Gen<String> schemes() {
        return Generate.pick(List.of("http", "https"));
    }

    /** {@code s} with each letter's case picked by {@code seed}. */
    static String anyCase(String s, long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return b.toString();
    }

    @Test
    void anAllowedOriginIsAcceptedUnderAnyLetterCase() {
        Props.qt().forAll(schemes(), hosts(), integers().between(1, 65_535), longs().all())
                .checkAssert((scheme, host, port, seed) -> {
                    OriginPattern p = OriginPattern.parse(scheme + "://" + host + ":" + port);
                    String origin = anyCase(scheme + "://" + host, seed) + ":" + port;
                    assertTrue(p.matches(origin), p + " vs " + origin);
                });
    }

    @Test
    void anotherPortOrHostIsRefused() {
        Props.qt().forAll(schemes(), hosts(), integers().between(1, 65_534), hosts())
                .checkAssert((scheme, host, port, other) -> {
                    OriginPattern p = OriginPattern.parse(scheme + "://" + host + ":" + port);
                    assertFalse(p.matches(scheme + "://" + host + ":" + (port + 1)));
                    assertEquals(other.equals(host), p.matches(scheme + "://" + other + ":" + port));
                    String otherScheme = scheme.equals("http") ? "https" : "http";
                    assertFalse(p.matches(otherScheme + "://" + host + ":" + port));
                });
    }

    @Test
    void aStarPortMatchesEveryPortOfThatHostOnly() {
        Props.qt().forAll(hosts(), integers().between(1, 65_535), hosts()).checkAssert((host, port, other) -> {
            OriginPattern p = OriginPattern.parse("http://" + host + ":*");
            assertTrue(p.matches("http://" + host + ":" + port));
            assertTrue(p.matches("http://" + host));
            assertEquals(other.equals(host), p.matches("http://" + other + ":" + port));
        });
    }

    @Test
    void aStarLabelMatchesSubdomainsButNotTheNameItself() {
        Props.qt().forAll(hosts(), Generate.pick(LABELS)).checkAssert((host, label) -> {
            OriginPattern p = OriginPattern.parse("https://*." + host);
            assertTrue(p.matches("https://" + label + "." + host));
            assertTrue(p.matches("https://" + label + ".x." + host.toUpperCase(Locale.ROOT) + ":443"));
            assertFalse(p.matches("https://" + host));
            assertFalse(p.matches("https://" + label + host));
        });
    }

    @Test
    void theDefaultPortIsTheSameOrigin() {
        assertTrue(OriginPattern.parse("https://app.example.com").matches("https://app.example.com:443"));
        assertTrue(OriginPattern.parse("http://app.example.com:80").matches("http://app.example.com"));
        assertFalse(OriginPattern.parse("https://app.example.com").matches("https://app.example.com:8443"));
    }

    @Test
    void nullIsMatchedLiterallyAndOnlyByTheNullPattern() {
        assertTrue(OriginPattern.parse("null").matches("null"));
        assertFalse(OriginPattern.parse("null").matches("http://null"));
        assertFalse(OriginPattern.parse("http://null").matches("null"));
    }

    @Test
    void malformedOriginsNeverMatch() {
        OriginPattern p = OriginPattern.parse("http://localhost:*");
        for (String bad : List.of("", "localhost", "http://localhost/", "http://localhost:*", "http://*.localhost",
                "http://localhost:8080/path", " http://localhost")) {
            assertFalse(p.matches(bad), bad);
        }
    }

    @Test
    void malformedPatternsAreRefusedInOneLine() {
        for (String bad : List.of("", "app.example.com", "https://app.example.com/", "https://app.example.com/x",
                "https://app.example.com:0", "https://app.example.com:70000", "https://a.*.example", "*://x",
                "https://[::1", "https://*.[::1]", "https://host:8*")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OriginPattern.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aPolicyAcceptsMatchesAndRequestsWithoutOrigin() {
        OriginPolicy policy = OriginPolicy.matching(List.of(OriginPattern.parse("https://app.example.com"),
                OriginPattern.parse("http://localhost:*")));
        assertTrue(policy.allows(Optional.empty()));
        assertTrue(policy.allows(Optional.of("HTTPS://App.Example.com")));
        assertTrue(policy.allows(Optional.of("http://localhost:5173")));
        assertFalse(policy.allows(Optional.of("https://evil.example")));
        assertFalse(policy.allows(Optional.of("null")));
        assertTrue(OriginPolicy.matching(List.of()).allows(Optional.of("https://evil.example")));
    }
}
