package org.wslab.handshake;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.deflate.DeflateNegotiation;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.SpecRule;

/** A server's answer to an opening handshake request (RFC 6455 §4.2.2): a 101, or a refusal. */
public sealed interface ServerDecision {

    /** The response head to send. */
    ResponseHead response();

    /** The exact bytes to write: head, plus the body of a refusal. */
    byte[] bytes();

    /**
     * 101 Switching Protocols: after these bytes both ends speak WebSocket frames.
     *
     * @param response    the 101 head
     * @param subprotocol the sub-protocol chosen, if any
     * @param extensions  the extensions accepted, as written in the response
     * @param deflate     the permessage-deflate outcome, with the declined offers
     */
    record Accept(ResponseHead response, Optional<String> subprotocol, List<ExtensionOffer> extensions,
                  DeflateNegotiation deflate) implements ServerDecision {
        public Accept {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(subprotocol, "subprotocol");
            extensions = List.copyOf(extensions);
            Objects.requireNonNull(deflate, "deflate");
        }

        /** The agreed permessage-deflate parameters, if it was accepted. */
        public Optional<DeflateParameters> deflateParameters() {
            return deflate instanceof DeflateNegotiation.Accepted a ? Optional.of(a.parameters()) : Optional.empty();
        }

        @Override
        public byte[] bytes() {
            return HeadWriter.write(response);
        }
    }

    /**
     * A refusal: 400 (a broken rule), 426 (another WebSocket version), 403 (Origin refused) or
     * 431 (head too large). The connection is then closed.
     *
     * @param response the refusal head (with Content-Length of the body)
     * @param body     a short text/plain body naming the rule and its section
     * @param rule     the rule the request broke
     * @param detail   what was found
     */
    record Refuse(ResponseHead response, byte[] body, SpecRule rule, String detail) implements ServerDecision {
        public Refuse {
            Objects.requireNonNull(response, "response");
            body = body.clone();
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }

        /** The HTTP status, e.g. 426. */
        public int status() {
            return response.status();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public byte[] bytes() {
            byte[] head = HeadWriter.write(response);
            byte[] all = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, all, head.length, body.length);
            return all;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Refuse r && r.response.equals(response) && Arrays.equals(r.body, body)
                    && r.rule.equals(rule) && r.detail.equals(detail);
        }

        @Override
        public int hashCode() {
            return Objects.hash(response, Arrays.hashCode(body), rule, detail);
        }

        @Override
        public String toString() {
            return "Refuse[" + response.status() + " " + rule.section() + " " + rule.name() + ": " + detail + "]";
        }
    }
}
