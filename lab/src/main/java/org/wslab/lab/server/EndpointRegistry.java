package org.wslab.lab.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The endpoints a lab server serves, in the order they are listed, one per path. Engines read it
 * when they start; {@link #defaults()} is what {@code wslab serve} mounts.
 *
 * <p>To add an endpoint: add an {@link EndpointKind}, mount it here in {@link #defaults()}, and
 * serve the kind in every engine (their exhaustive {@code switch} stops compiling until you do).
 */
public final class EndpointRegistry implements Iterable<LabEndpoint> {
    private final List<LabEndpoint> endpoints = new ArrayList<>();

    /** The lab's standard endpoints: echo at {@code /websocket/echo}, STOMP at {@code /websocket/app}. */
    public static EndpointRegistry defaults() {
        return new EndpointRegistry().add(LabEndpoint.echo()).add(LabEndpoint.stomp());
    }

    /** Mounts {@code endpoint}; a second endpoint on the same path is refused. */
    public EndpointRegistry add(LabEndpoint endpoint) {
        for (LabEndpoint e : endpoints) {
            if (e.path().equals(endpoint.path())) {
                throw new IllegalArgumentException("two endpoints on " + endpoint.path());
            }
        }
        endpoints.add(endpoint);
        return this;
    }

    /** The endpoints in the order they were added. */
    public List<LabEndpoint> endpoints() {
        return Collections.unmodifiableList(endpoints);
    }

    @Override
    public Iterator<LabEndpoint> iterator() {
        return endpoints().iterator();
    }
}
