package org.wslab.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "handshake", description = "Perform an opening handshake (RFC 6455 §4).")
final class HandshakeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new LabFailure("not yet");
    }
}
