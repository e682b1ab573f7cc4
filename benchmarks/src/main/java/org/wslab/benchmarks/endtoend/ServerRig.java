package org.wslab.benchmarks.endtoend;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;

/**
 * The JMH state of one side of an end-to-end comparison: a lab server on one {@link #engine()}
 * and the client a benchmark connects to it, both closed after the trial. A benchmark's nested
 * states extend it, one per engine, so each method starts only its own server.
 */
public abstract class ServerRig {
    LabServer server;
    AutoCloseable client;

    /** The engine this side runs. */
    abstract Engine engine();

    /** Starts the server; the subclass's set-up then connects {@link #client}. */
    LabServer startServer() {
        server = LoopbackServers.start(engine());
        return server;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
