package org.skyfleet.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code skyfleet} executable. */
@Command(name = "skyfleet", mixinStandardHelpOptions = true, version = "skyfleet 0.1.0",
        description = "Drone and patrol-robot fleet control: MAVLink 2 in, gRPC out.",
        subcommands = {ServeCommand.class, DemoCommand.class, VehiclesCommand.class, WatchCommand.class,
                AuditCommand.class, EvidenceCommand.class, SimCommand.class, TokenCommand.class, GeoCommand.class, TilesCommand.class,
                CommandLine.HelpCommand.class})
public final class SkyfleetCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SkyfleetCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof io.grpc.StatusRuntimeException refused) {
                // The server's answer is the message: no stack trace for a refused or unreachable call.
                cmd.getErr().println("error: " + refused.getStatus().getCode() + ": " + refused.getStatus().getDescription()
                        + (refused.getStatus().getCode() == io.grpc.Status.Code.UNAUTHENTICATED
                        ? " (set SKYFLEET_TOKEN to a token from 'skyfleet token create' or the demo's banner)" : ""));
                return 1;
            }
            throw e;
        }).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
