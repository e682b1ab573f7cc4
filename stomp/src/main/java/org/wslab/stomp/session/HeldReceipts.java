package org.wslab.stomp.session;

import java.util.ArrayDeque;

/**
 * RECEIPTs a server session holds until its broker confirms (STOMP 1.2 "Header receipt": a RECEIPT
 * says the server has processed the frame; with a relay that means the upstream broker has it).
 * Keyed by the session's increasing operation sequence numbers; the broker's
 * {@code Confirmed(seq)} releases every entry up to {@code seq}, in frame order. DISCONNECT is held
 * the same way ("DISCONNECT": its RECEIPT says every earlier frame was processed). Not thread-safe.
 */
final class HeldReceipts {
    /** One held RECEIPT ({@code receiptId} null for a DISCONNECT without one). */
    record Held(long seq, String receiptId, boolean disconnect) {}

    private final ArrayDeque<Held> held = new ArrayDeque<>();

    void hold(long seq, String receiptId, boolean disconnect) {
        held.addLast(new Held(seq, receiptId, disconnect));
    }

    /** The next entry released by {@code Confirmed(seq)}, or null. */
    Held release(long confirmedSeq) {
        Held h = held.peekFirst();
        return h != null && h.seq() <= confirmedSeq ? held.pollFirst() : null;
    }

    /** The receipt of the frame numbered {@code seq}, if it asked for one (for an ERROR's {@code receipt-id}). */
    String receiptOf(long seq) {
        for (Held h : held) {
            if (h.seq() == seq) {
                return h.receiptId();
            }
        }
        return null;
    }

    int size() {
        return held.size();
    }

    void clear() {
        held.clear();
    }
}
