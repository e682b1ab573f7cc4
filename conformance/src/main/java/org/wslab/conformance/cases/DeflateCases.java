package org.wslab.conformance.cases;

import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.DeflateScript;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Strictness;
import org.wslab.handshake.deflate.DeflateOffer;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;

/**
 * Autobahn 12.x, "WebSocket Compression (different payloads)", and 13.x, "(different
 * parameters)": 1000 compressed messages of 16 B to 128 KiB, one frame each or auto-fragmented,
 * each echoed intact (RFC 7692 §7.2). 12.1-12.5 cut them from five kinds of payload
 * ({@link DeflateCorpus}) under the plain offer; 13.1-13.7 cut them from the JSON one under
 * Autobahn's seven offers: {@code server_no_context_takeover} (§7.1.1.1),
 * {@code server_max_window_bits} 9 and 15 (§7.1.2.1), both, and three offers at once (§5.1).
 *
 * <p>Every offer carries {@code client_max_window_bits} without a value, so the server may choose
 * our window (§7.1.2.2), and lets it ask {@code client_no_context_takeover} (§7.1.1.2); unlike
 * Autobahn's, our offer does not volunteer {@code client_no_context_takeover}, so the server's
 * inflater keeps its context across messages unless it asked otherwise. A server that declines
 * permessage-deflate is UNIMPLEMENTED.
 */
public final class DeflateCases {
    /**
     * Autobahn's message sizes, with the auto-fragment size (compressed bytes per frame, 0 for one
     * frame per message) of cases x.11 to x.18; each case sends {@link #COUNT} messages.
     */
    static final int[][] SIZES = {{16, 0}, {64, 0}, {256, 0}, {1024, 0}, {4096, 0}, {8192, 0}, {16384, 0}, {32768, 0},
        {65536, 0}, {131072, 0}, {8192, 256}, {16384, 256}, {32768, 256}, {65536, 256}, {131072, 256},
        {131072, 1024}, {131072, 4096}, {131072, 32768}};
    /** Messages per case, Autobahn's count. */
    static final int COUNT = 1000;
    /** 13.x's window size (Autobahn's: 9, zlib's smallest workable window). */
    static final int SMALL_WINDOW = 9;
    /** 13.1-13.7: server_no_context_takeover and server_max_window_bits (0: absent) of each offer. */
    static final int[][][] OFFERS = {
        {{0, 0}}, {{1, 0}}, {{0, SMALL_WINDOW}}, {{0, 15}}, {{1, SMALL_WINDOW}}, {{1, 15}},
        {{1, SMALL_WINDOW}, {1, 0}, {0, 0}}};
    /**
     * A few cases of each kind, cheap enough for every build (at most 8 MiB each way, 4 MiB of it
     * incompressible): the default
     * selection of the module's own tests; the others run with {@code -Dconformance.full=true}.
     */
    public static final List<String> REPRESENTATIVE = List.of("deflate.12.1.1", "deflate.12.1.11", "deflate.12.2.4",
            "deflate.12.3.5", "deflate.12.4.3", "deflate.12.5.5", "deflate.13.1.2", "deflate.13.2.3", "deflate.13.3.1",
            "deflate.13.4.4", "deflate.13.5.2", "deflate.13.6.5", "deflate.13.7.1", "deflate.13.7.11");

    private static final Rule PAYLOADS = Rule.rfc7692("7.2", "a compressed message (RSV1 on its first frame only, §6.1)"
            + " is inflated (§7.2.2) and echoed intact; the echo may be compressed or not (§6), and the server's own"
            + " compressed messages inflate with the context it agreed (§7.1.1)");
    private static final Rule[] PARAMETERS = {
        Rule.rfc7692("7.1", "the plain offer: an accepting server answers with parameters it was offered or may add"
                + " (§7.1.1, §7.1.2), and echoes compressed messages intact (§7.2)"),
        Rule.rfc7692("7.1.1.1", "server_no_context_takeover offered: an accepting server includes it and resets its"
                + " compressor after every message, so each of its compressed messages inflates on its own"),
        Rule.rfc7692("7.1.2.1", "server_max_window_bits=" + SMALL_WINDOW + " offered: an accepting server answers it"
                + " with the same or a smaller value and compresses within that window (or declines)"),
        Rule.rfc7692("7.1.2.1", "server_max_window_bits=15 offered: an accepting server answers it with 15 or less"),
        Rule.rfc7692("7.1.1.1", "server_no_context_takeover and server_max_window_bits=" + SMALL_WINDOW + " offered"
                + " (§7.1.2.1): an accepting server includes both, resetting its compressor per message"),
        Rule.rfc7692("7.1.1.1", "server_no_context_takeover and server_max_window_bits=15 offered (§7.1.2.1):"
                + " an accepting server includes both, resetting its compressor per message"),
        Rule.rfc7692("5.1", "three offers, most demanding first: the server accepts at most one (§5), its answer"
                + " consistent with that offer (§7.1), and compresses as agreed (§7.1.1, §7.1.2)")};

    private static final List<ConformanceCase> CASES = build();

    private DeflateCases() {}

    /** The 216 cases: 90 of 12.x, 126 of 13.x. */
    public static List<ConformanceCase> cases() {
        return CASES;
    }

    /** {@link #REPRESENTATIVE} as a selection. */
    public static Selection representative() {
        return new Selection(REPRESENTATIVE, List.of());
    }

    /** {@code permessage-deflate; client_max_window_bits}, then the server parameters asked for. */
    static ExtensionOffer offer(boolean serverNoContextTakeover, int serverMaxWindowBits) {
        ExtensionOffer o = ExtensionOffer.of(DeflateOffer.NAME, ExtensionParameter.of("client_max_window_bits"));
        if (serverNoContextTakeover) {
            o = o.with(ExtensionParameter.of("server_no_context_takeover"));
        }
        return serverMaxWindowBits == 0 ? o
                : o.with(ExtensionParameter.of("server_max_window_bits", String.valueOf(serverMaxWindowBits)));
    }

    private static List<ConformanceCase> build() {
        List<ConformanceCase> c = new ArrayList<>();
        DeflateCorpus[] corpora = DeflateCorpus.values();
        for (int group = 0; group < corpora.length; group++) {
            DeflateCorpus corpus = corpora[group];
            c.addAll(group(12, group + 1, corpus, List.of(offer(false, 0)), PAYLOADS));
        }
        for (int group = 0; group < OFFERS.length; group++) {
            List<ExtensionOffer> offers = new ArrayList<>();
            for (int[] o : OFFERS[group]) {
                offers.add(offer(o[0] == 1, o[1]));
            }
            c.addAll(group(13, group + 1, DeflateCorpus.JSON, offers, PARAMETERS[group]));
        }
        return List.copyOf(c);
    }

    private static List<ConformanceCase> group(int section, int group, DeflateCorpus corpus, List<ExtensionOffer> offers,
                                               Rule rule) {
        List<ConformanceCase> out = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            int size = SIZES[i][0];
            int fragment = SIZES[i][1];
            DeflateScript.Messages m = new DeflateScript.Messages(corpus.description(), corpus::bytes, corpus.binary(),
                    size, COUNT, fragment);
            String title = COUNT + " compressed " + (corpus.binary() ? "binary" : "text") + " messages of "
                    + size(size) + (fragment > 0 ? " in frames of " + size(fragment) : "") + " cut from "
                    + corpus.description() + (section == 13 ? ", offering " + offers : "");
            out.add(new ConformanceCase(CaseId.of("deflate", section, group, i + 1), title, rule,
                    new DeflateScript(offers, m), Strictness.MUST));
        }
        return out;
    }

    private static String size(int n) {
        return n >= 1 << 10 ? (n >> 10) + " KiB" : n + " B";
    }
}
