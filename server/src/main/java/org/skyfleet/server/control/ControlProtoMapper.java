package org.skyfleet.server.control;

import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.LeaseChange;
import org.skyfleet.proto.v1.CommandResult;
import org.skyfleet.proto.v1.ControlChange;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.server.grpc.ProtoMapper;

/** Leases, lease changes and commands between protobuf and the domain. */
public final class ControlProtoMapper {
    private ControlProtoMapper() {
    }

    static org.skyfleet.proto.v1.ControlLease lease(ControlLease l) {
        return org.skyfleet.proto.v1.ControlLease.newBuilder().setVehicleId(l.vehicleId())
                .setHolderSubject(l.holder().subject()).setHolderRole(l.holder().role().name().toLowerCase())
                .setAcquiredAt(ProtoMapper.timestamp(l.acquiredAt())).setExpiresAt(ProtoMapper.timestamp(l.expiresAt()))
                .setReason(l.reason()).build();
    }

    static ControlChange change(LeaseChange c) {
        ControlChange.Builder b = ControlChange.newBuilder().setVehicleId(c.vehicleId())
                .setKindValue(c.kind().ordinal() + 1).setTime(ProtoMapper.timestamp(c.time()))
                .setPreviousHolderSubject(c.previous() == null ? "" : c.previous().subject());
        if (c.lease() != null) {
            b.setLease(lease(c.lease()));
        }
        return b.build();
    }

    /**
     * The domain command.
     *
     * @throws IllegalArgumentException saying what is wrong (INVALID_ARGUMENT at the edge)
     */
    public static VehicleCommand command(SendCommandRequest r) {
        return switch (r.getCommandCase()) {
            case ARM -> VehicleCommand.arm();
            case DISARM -> VehicleCommand.disarm();
            case TAKEOFF -> VehicleCommand.takeoff(r.getTakeoff().getAltRelM());
            case GO_TO -> VehicleCommand.goTo(r.getGoTo().getTarget().getLatDeg(), r.getGoTo().getTarget().getLonDeg(),
                    r.getGoTo().getTarget().getAltRelM());
            case ORBIT -> {
                if (!r.getOrbit().hasCentre()) {
                    throw new IllegalArgumentException("orbit.centre is required (lat_deg, lon_deg, alt_rel_m)");
                }
                var centre = r.getOrbit().getCentre();
                yield VehicleCommand.orbit(centre.getLatDeg(), centre.getLonDeg(), centre.getAltRelM(),
                        r.getOrbit().getRadiusM(), r.getOrbit().getSpeedMS());
            }
            case ROI -> {
                if (!r.getRoi().hasSpot()) {
                    throw new IllegalArgumentException("roi.spot is required (lat_deg, lon_deg, alt_rel_m)");
                }
                var spot = r.getRoi().getSpot();
                yield VehicleCommand.roi(spot.getLatDeg(), spot.getLonDeg(), spot.getAltRelM());
            }
            case HOLD -> VehicleCommand.hold();
            case RETURN_TO_LAUNCH -> VehicleCommand.returnToLaunch();
            case LAND -> VehicleCommand.land();
            case SET_SPEED -> VehicleCommand.setSpeed(r.getSetSpeed().getSpeedMS());
            case START_MISSION -> VehicleCommand.missionStart();
            case PAUSE_MISSION -> VehicleCommand.missionPause();
            case RESUME_MISSION -> VehicleCommand.missionResume();
            case EMERGENCY_STOP -> {
                if (!r.getEmergencyStop().getConfirmMotorsStopAndVehicleFalls()) {
                    throw new IllegalArgumentException("emergency stop cuts the motors and the vehicle falls: set "
                            + "confirm_motors_stop_and_vehicle_falls to send it");
                }
                yield VehicleCommand.kill();
            }
            case COMMAND_NOT_SET -> throw new IllegalArgumentException("no command given");
        };
    }

    public static SendCommandResponse outcome(CommandOutcome o) {
        return SendCommandResponse.newBuilder().setResult(result(o.result()))
                .setProgressPercent(o.progressPercent()).setAttempts(o.attempts())
                .setDetail(o.detail() == null ? "" : o.detail()).build();
    }

    /** The vehicle's answer on the wire: the proto enum is the domain's, in order, after UNSPECIFIED. */
    public static CommandResult result(org.skyfleet.fleet.command.CommandResult r) {
        return CommandResult.forNumber(r.ordinal() + 1);
    }
}
