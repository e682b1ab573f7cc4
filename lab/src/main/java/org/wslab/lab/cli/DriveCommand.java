package org.wslab.lab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wslab drive …}: drivers that prove a server's scale and flow-control claims by counting
 * (connections held, messages lost), never by timing.
 */
@Command(name = "drive",
        header = "Scale and flow-control drivers: count connections held and messages lost.",
        subcommands = {StompDriveCommand.class})
final class DriveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a driver is missing: stomp");
    }
}
