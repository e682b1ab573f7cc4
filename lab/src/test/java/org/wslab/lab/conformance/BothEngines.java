package org.wslab.lab.conformance;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;

/** {@code wslab serve} on both engines (Jetty 12 and ours) with one configuration, on 127.0.0.1 port 0, closed together. */
final class BothEngines implements AutoCloseable {
    private final LabServer jetty;
    private final LabServer wslab;

    private BothEngines(LabServer jetty, LabServer wslab) {
        this.jetty = jetty;
        this.wslab = wslab;
    }

    /** Starts both engines with {@code config} bound to 127.0.0.1, port 0. */
    static BothEngines start(LabServerConfig config) throws Exception {
        LabServerConfig local = config.withAddress("127.0.0.1", 0);
        LabServer jetty = LabServers.start(Engine.JETTY, local, EndpointRegistry.defaults());
        try {
            return new BothEngines(jetty, LabServers.start(Engine.WSLAB, local, EndpointRegistry.defaults()));
        } catch (Exception | Error e) {
            jetty.close();
            throw e;
        }
    }

    /** One container of tests per engine, named by its CLI name. */
    Stream<DynamicContainer> each(Function<LabServer, Stream<DynamicTest>> tests) {
        return Stream.of(jetty, wslab).map(s -> DynamicContainer.dynamicContainer(s.engine().cliName(), tests.apply(s)));
    }

    @Override
    public void close() {
        jetty.close();
        wslab.close();
    }
}
