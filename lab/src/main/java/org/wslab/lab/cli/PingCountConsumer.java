package org.wslab.lab.cli;

import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code echo --ping [N]}: the count is taken only when the next argument is a whole number, so
 * {@code echo --ping ws://…} pings once (RFC 6455 §5.5.2) instead of reading the URL as N. A number
 * out of range is named as such.
 */
public final class PingCountConsumer implements IParameterConsumer {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
        if (args.isEmpty() || !WHOLE.matcher(args.peek()).matches()) {
            argSpec.setValue(1);
            return;
        }
        String n = args.pop();
        try {
            argSpec.setValue(Integer.parseInt(n));
        } catch (NumberFormatException tooBig) {
            throw new ParameterException(commandSpec.commandLine(), "--ping: '" + n
                    + "' is out of range (a whole number from 1 to " + Integer.MAX_VALUE + ")");
        }
    }
}
