package org.wslab.handshake.deflate;

import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;

/**
 * permessage-deflate offers, valid and not: the four RFC 7692 parameters (and an unknown one, and
 * odd case), with no value or values around the 8..15 range. Shrinks to few, short offers.
 */
final class DeflateGenerators {
    private DeflateGenerators() {}

    static final List<String> NAMES = List.of("server_no_context_takeover", "client_no_context_takeover",
            "server_max_window_bits", "client_max_window_bits", "x_unknown", "Server_Max_Window_Bits");
    static final List<Optional<String>> VALUES = List.of(Optional.empty(), Optional.of("15"), Optional.of("8"),
            Optional.of("10"), Optional.of("9"), Optional.of("7"), Optional.of("16"), Optional.of("010"), Optional.of("abc"));

    static Gen<ExtensionParameter> parameters() {
        return Generate.pick(NAMES).zip(Generate.pick(VALUES), ExtensionParameter::new);
    }

    static Gen<ExtensionOffer> offers() {
        Gen<String> name = Generate.frequency(
                org.quicktheories.api.Pair.of(6, Generate.constant("permessage-deflate")),
                org.quicktheories.api.Pair.of(1, Generate.constant("x-webkit-deflate-frame")));
        return name.zip(lists().of(parameters()).ofSizeBetween(0, 4), ExtensionOffer::new);
    }

    static Gen<List<ExtensionOffer>> offerLists() {
        return lists().of(offers()).ofSizeBetween(0, 4);
    }
}
