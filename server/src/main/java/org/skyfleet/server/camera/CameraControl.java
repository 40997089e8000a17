package org.skyfleet.server.camera;

import io.grpc.Status;
import java.util.concurrent.CompletionStage;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.camera.CameraCommand;
import org.skyfleet.fleet.camera.CameraCommands;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.vehicle.VehicleRegistry;

/**
 * Camera commands with the rules of every vehicle command: the caller must hold the vehicle's control lease
 * (the camera is part of flying it: a second commander turning the gimbal would take the picture from the pilot
 * who holds it), and every attempt is journaled with the caller, the vehicle, the parameters and the result,
 * refused ones too.
 */
public final class CameraControl {
    private final VehicleRegistry vehicles;
    private final ControlLeases leases;
    private final CameraCommands commands;
    private final AuditJournal audit;

    public CameraControl(VehicleRegistry vehicles, ControlLeases leases, CameraCommands commands, AuditJournal audit) {
        this.vehicles = vehicles;
        this.leases = leases;
        this.commands = commands;
        this.audit = audit;
    }

    /**
     * Sends the command if the caller holds the lease; completes with the vehicle's answer, journaled.
     *
     * @throws LeaseConflictException when the caller does not hold the vehicle's lease (journaled)
     * @throws io.grpc.StatusRuntimeException NOT_FOUND for an unknown vehicle, INVALID_ARGUMENT for no vehicle id
     */
    public CompletionStage<CommandOutcome> send(Operator caller, String vehicleId, CameraCommand command) {
        if (vehicleId == null || vehicleId.isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("vehicle_id is required").asRuntimeException();
        }
        if (vehicles.find(vehicleId).isEmpty()) {
            throw Status.NOT_FOUND.withDescription("unknown vehicle '" + vehicleId + "'").asRuntimeException();
        }
        String action = "camera " + command.action();
        try {
            leases.requireHeldBy(vehicleId, caller);
        } catch (LeaseConflictException e) {
            audit.append(caller.toString(), action, vehicleId, command.parameters(), "FAILED_PRECONDITION: " + e.getMessage());
            throw e;
        }
        return commands.send(vehicleId, command).thenApply(o -> {
            audit.append(caller.toString(), action, vehicleId, command.parameters(),
                    o.result() + " after " + o.attempts() + " attempt(s)" + (o.detail().isEmpty() ? "" : ": " + o.detail()));
            return o;
        });
    }
}
