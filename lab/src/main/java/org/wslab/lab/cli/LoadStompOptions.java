package org.wslab.lab.cli;

import org.wslab.lab.load.StompLoad;
import org.wslab.stomp.broker.AckMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code load --mode stomp}'s own options (STOMP 1.2 "SUBSCRIBE", "ACK", "RECEIPT"): whether to ask
 * for receipts, the subscription's ack mode, and each connection's destination pattern.
 */
final class LoadStompOptions {
    @Option(names = "--receipts", description = "With --mode stomp: ask a RECEIPT for the SUBSCRIBE and every SEND.")
    boolean receipts;

    @Option(names = "--destination", paramLabel = "PATTERN", defaultValue = StompLoad.DEFAULT_DESTINATION,
            description = "With --mode stomp: each connection's destination, {n} its number (default: ${DEFAULT-VALUE}).")
    String destination;

    @Option(names = "--ack", paramLabel = "MODE", defaultValue = "auto", converter = AckConverter.class,
            description = "With --mode stomp: auto (default), client or client-individual (then each MESSAGE is ACKed).")
    AckMode ack;

    /** The STOMP part of the plan. */
    StompLoad load() {
        return new StompLoad(destination, ack, receipts);
    }

    /** Reads an {@code ack} header value; any other is a usage error naming the rule. */
    static final class AckConverter implements ITypeConverter<AckMode> {
        @Override
        public AckMode convert(String value) {
            AckMode mode = AckMode.fromHeader(value);
            if (mode == null) {
                throw new TypeConversionException("'" + value + "' is not auto, client or client-individual"
                        + " (STOMP 1.2 \"SUBSCRIBE\", the ack header)");
            }
            return mode;
        }
    }
}
