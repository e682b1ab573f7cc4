package org.wslab.lab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "explain", description = "Explain a recorded handshake.")
final class ExplainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new LabFailure("not yet");
    }
}
