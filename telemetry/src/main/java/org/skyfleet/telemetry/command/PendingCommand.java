package org.skyfleet.telemetry.command;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;

/** One command on its way to a vehicle. Event loop only. */
final class PendingCommand {
    final String vehicleId;
    final MavCommand command;
    final CompletableFuture<CommandOutcome> done;
    final Consumer<CommandOutcome> progress;
    int attempts;
    int progressPercent = CommandOutcome.NO_PROGRESS;
    boolean inProgress;
    ScheduledFuture<?> timer;

    PendingCommand(String vehicleId, MavCommand command, CompletableFuture<CommandOutcome> done,
                   Consumer<CommandOutcome> progress) {
        this.vehicleId = vehicleId;
        this.command = command;
        this.done = done;
        this.progress = progress;
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    CommandOutcome outcome(CommandResult result, String detail) {
        return new CommandOutcome(result, progressPercent, attempts, detail);
    }
}
