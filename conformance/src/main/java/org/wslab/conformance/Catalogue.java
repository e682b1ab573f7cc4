package org.wslab.conformance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wslab.conformance.cases.CloseCases;
import org.wslab.conformance.cases.DeflateCases;
import org.wslab.conformance.cases.FragmentationCases;
import org.wslab.conformance.cases.FramingCases;
import org.wslab.conformance.cases.HandshakeCases;
import org.wslab.conformance.cases.HandshakeNegotiationCases;
import org.wslab.conformance.cases.Http2Cases;
import org.wslab.conformance.cases.LimitsCases;
import org.wslab.conformance.cases.MiscCases;
import org.wslab.conformance.cases.OpcodeCases;
import org.wslab.conformance.cases.PingPongCases;
import org.wslab.conformance.cases.ReservedBitsCases;
import org.wslab.conformance.cases.StompAckCases;
import org.wslab.conformance.cases.StompConnectCases;
import org.wslab.conformance.cases.StompEncodingCases;
import org.wslab.conformance.cases.StompErrorCases;
import org.wslab.conformance.cases.StompMessagingCases;
import org.wslab.conformance.cases.Utf8Cases;

/**
 * Every case, as data, in id order; each category is written in its own class of the
 * {@code cases} package. Ids are unique (checked when built).
 */
public final class Catalogue {
    private final List<ConformanceCase> cases;

    private Catalogue(List<ConformanceCase> cases) {
        Set<CaseId> seen = new HashSet<>();
        for (ConformanceCase c : cases) {
            if (!seen.add(c.id())) {
                throw new IllegalStateException("two cases share the id " + c.id());
            }
        }
        this.cases = cases.stream().sorted(java.util.Comparator.comparing(ConformanceCase::id)).toList();
    }

    /**
     * The RFC 6455 cases (the opening handshake with RFC 7692's negotiation, framing, ping/pong,
     * reserved bits, opcodes, fragmentation, UTF-8, close, limits, misc), the RFC 7692 ones
     * (permessage-deflate payloads and parameters) and the RFC 8441 ones (WebSocket over HTTP/2).
     */
    public static Catalogue standard() {
        List<ConformanceCase> all = new ArrayList<>();
        all.addAll(HandshakeCases.cases());
        all.addAll(HandshakeNegotiationCases.cases());
        all.addAll(FramingCases.cases());
        all.addAll(PingPongCases.cases());
        all.addAll(ReservedBitsCases.cases());
        all.addAll(OpcodeCases.cases());
        all.addAll(FragmentationCases.cases());
        all.addAll(Utf8Cases.cases());
        all.addAll(CloseCases.cases());
        all.addAll(LimitsCases.cases());
        all.addAll(MiscCases.cases());
        all.addAll(DeflateCases.cases());
        all.addAll(Http2Cases.cases());
        return new Catalogue(all);
    }

    /**
     * The STOMP 1.0/1.1/1.2 over WebSocket cases ({@code stomp.<group>.<n>}): connecting and
     * negotiation, CONNECTED, value encoding, bodies, frames across messages, heart-beats,
     * messages, receipts, acks, transactions, UNSUBSCRIBE/DISCONNECT, errors and size limits.
     */
    public static Catalogue stomp() {
        List<ConformanceCase> all = new ArrayList<>();
        all.addAll(StompConnectCases.cases());
        all.addAll(StompEncodingCases.cases());
        all.addAll(StompMessagingCases.cases());
        all.addAll(StompAckCases.cases());
        all.addAll(StompErrorCases.cases());
        return new Catalogue(all);
    }

    /** Every case, in id order. */
    public List<ConformanceCase> cases() {
        return cases;
    }

    /** The cases {@code selection} picks, in id order. */
    public List<ConformanceCase> select(Selection selection) {
        return cases.stream().filter(c -> selection.matches(c.id())).toList();
    }

    /** The case with {@code id}. */
    public Optional<ConformanceCase> find(CaseId id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** How many cases each category holds, in catalogue order. */
    public Map<String, Integer> countsByCategory() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (ConformanceCase c : cases) {
            m.merge(c.category(), 1, Integer::sum);
        }
        return m;
    }
}
