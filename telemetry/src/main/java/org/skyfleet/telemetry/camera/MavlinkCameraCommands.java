package org.skyfleet.telemetry.camera;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.camera.CameraCommand;
import org.skyfleet.fleet.camera.CameraCommands;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.telemetry.command.MavCommand;
import org.skyfleet.telemetry.command.MavlinkVehicleCommands;

/**
 * {@link CameraCommands} over a MAVLink link, through the link's command protocol (retries, COMMAND_ACK).
 *
 * <p>Pointing the gimbal needs to know how: the first time for a vehicle, unless it already announced
 * GIMBAL_MANAGER_INFORMATION, the vehicle is asked for it (MAV_CMD_REQUEST_MESSAGE 280). ACCEPTED: it has a
 * gimbal manager and gets gimbal protocol v2 (MAV_CMD_DO_GIMBAL_MANAGER_PITCHYAW); refused (DENIED,
 * UNSUPPORTED, FAILED): it has none and gets MAV_CMD_DO_MOUNT_CONTROL, as QGroundControl falls back. The answer
 * is remembered; a request that timed out or found the vehicle gone decides nothing and is the command's result.
 */
public final class MavlinkCameraCommands implements CameraCommands {
    private final MavlinkVehicleCommands link;
    private final CameraReportTracker reports;

    public MavlinkCameraCommands(MavlinkVehicleCommands link, CameraReportTracker reports) {
        this.link = link;
        this.reports = reports;
    }

    @Override
    public CompletionStage<CommandOutcome> send(String vehicleId, CameraCommand command) {
        return switch (command.action()) {
            case POINT_GIMBAL -> pointGimbal(vehicleId, command);
            case ZOOM -> send(vehicleId, CameraWire.zoom(command));
            case TAKE_PHOTO -> send(vehicleId, CameraWire.takePhoto());
            case START_RECORDING -> send(vehicleId, CameraWire.startRecording());
            case STOP_RECORDING -> send(vehicleId, CameraWire.stopRecording());
        };
    }

    private CompletionStage<CommandOutcome> send(String vehicleId, MavCommand command) {
        return link.sendMavCommand(vehicleId, command);
    }

    private CompletionStage<CommandOutcome> pointGimbal(String vehicleId, CameraCommand command) {
        String known = reports.latest(vehicleId).map(s -> s.gimbalProtocol()).orElse("");
        if (!known.isEmpty()) {
            return send(vehicleId, CameraWire.pointGimbal(command, known.equals(CameraReportTracker.GIMBAL_MANAGER)));
        }
        return send(vehicleId, CameraWire.requestGimbalManagerInformation()).thenCompose(asked -> {
            if (asked.result() == CommandResult.TIMED_OUT || asked.result() == CommandResult.NOT_CONNECTED) {
                return CompletableFuture.completedFuture(asked);
            }
            boolean manager = asked.result() == CommandResult.ACCEPTED;
            reports.gimbalProtocol(vehicleId, manager ? CameraReportTracker.GIMBAL_MANAGER : CameraReportTracker.MOUNT);
            return send(vehicleId, CameraWire.pointGimbal(command, manager));
        });
    }
}
