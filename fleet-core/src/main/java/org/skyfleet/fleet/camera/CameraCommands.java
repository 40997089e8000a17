package org.skyfleet.fleet.camera;

import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.command.CommandOutcome;

/**
 * Sends camera and gimbal commands to vehicles and reports what each vehicle answered: the port a MAVLink link
 * (or a fake) sits behind. As with {@link org.skyfleet.fleet.command.VehicleCommands}, the stage completes with the
 * vehicle's answer, TIMED_OUT or NOT_CONNECTED, never exceptionally for what the vehicle did, possibly on an I/O thread.
 */
public interface CameraCommands {

    CompletionStage<CommandOutcome> send(String vehicleId, CameraCommand command);
}
