package org.skyfleet.server.robot;

import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.command.VehicleCommands;

/**
 * The commands the robot loop sends (arm, speed, GUIDED destination, hold, disarm), one in flight per robot: the
 * robot's {@link RobotEscort.Run#busy} is set until the vehicle answers (or the send times out), and ticks skip a busy
 * robot. Each command and its answer go into the journal as the automation's; position targets, several a second,
 * do not.
 */
final class RobotCommands {
    private final VehicleCommands commands;
    private final AuditJournal audit;

    RobotCommands(VehicleCommands commands, AuditJournal audit) {
        this.commands = commands;
        this.audit = audit;
    }

    CompletionStage<CommandOutcome> send(RobotEscort.Run run, String robotId, VehicleCommand command, String why) {
        run.busy = true;
        CompletionStage<CommandOutcome> sent;
        try {
            sent = commands.send(robotId, command);
        } catch (RuntimeException e) {
            run.busy = false;
            throw e;
        }
        return sent.whenComplete((o, err) -> {
            run.busy = false;
            audit.append(RobotTaskings.OPERATOR.toString(), "robot " + command.verb(), robotId, why,
                    err != null ? "FAILED: " + err : o.result() + (o.detail().isEmpty() ? "" : ": " + o.detail()));
        });
    }
}
