package org.wslab.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which cases to run: glob patterns over case ids ({@code *} any run of characters, dots
 * included; {@code ?} one character), e.g. {@code framing.*} or {@code close.7.9.*}. A case runs
 * when it matches an include (or there are none) and no exclude.
 *
 * @param includes patterns a case must match one of; empty for all
 * @param excludes patterns that drop a case
 */
public record Selection(List<String> includes, List<String> excludes) {
    private static final Pattern GLOB = Pattern.compile("[a-z0-9.*?-]+");

    public Selection {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        for (String g : includes) {
            check(g);
        }
        for (String g : excludes) {
            check(g);
        }
    }

    /** Every case. */
    public static Selection all() {
        return new Selection(List.of(), List.of());
    }

    /**
     * Comma-separated globs, an exclude written with a leading {@code !} or {@code -}:
     * {@code "framing.*,close.*,!close.7.13.*"}. Blank means every case.
     */
    public static Selection parse(String text) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String g = part.strip();
            if (g.isEmpty()) {
                continue;
            }
            if (g.startsWith("!") || g.startsWith("-")) {
                out.add(g.substring(1).strip());
            } else {
                in.add(g);
            }
        }
        return new Selection(in, out);
    }

    /** Whether the case with {@code id} runs. */
    public boolean matches(CaseId id) {
        String s = id.value();
        boolean in = includes.isEmpty() || includes.stream().anyMatch(g -> glob(g, s));
        return in && excludes.stream().noneMatch(g -> glob(g, s));
    }

    private static boolean glob(String glob, String s) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return s.matches(re.toString());
    }

    private static void check(String glob) {
        if (!GLOB.matcher(glob).matches()) {
            throw new IllegalArgumentException("a selection pattern is a case id glob such as framing.* or close.7.9.?: \""
                    + glob + "\"");
        }
    }
}
