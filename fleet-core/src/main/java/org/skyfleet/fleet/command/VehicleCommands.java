package org.skyfleet.fleet.command;

import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Sends commands to vehicles and reports what each vehicle answered. The port behind which a MAVLink link
 * (or a fake) sits.
 *
 * <p>The returned stage completes with the vehicle's final answer, or with {@link CommandResult#TIMED_OUT} /
 * {@link CommandResult#NOT_CONNECTED}; it does not complete exceptionally for anything the vehicle did. Stages
 * may complete on an I/O thread: callers must not block in their continuations.
 */
public interface VehicleCommands {

    /**
     * Sends a command and reports progress while the vehicle works on it.
     *
     * @param progress told of every IN_PROGRESS answer (result {@link CommandResult#IN_PROGRESS}) before the final one
     */
    CompletionStage<CommandOutcome> send(String vehicleId, VehicleCommand command, Consumer<CommandOutcome> progress);

    /**
     * Sends a command the caller identified: where the command may travel to another node (which runs an id
     * once), the id goes with it. A node that sends directly needs no id.
     */
    default CompletionStage<CommandOutcome> send(String commandId, String vehicleId, VehicleCommand command,
                                                 Consumer<CommandOutcome> progress) {
        return send(vehicleId, command, progress);
    }

    /** Sends a command; progress reports are dropped. */
    default CompletionStage<CommandOutcome> send(String vehicleId, VehicleCommand command) {
        return send(vehicleId, command, p -> { });
    }
}
