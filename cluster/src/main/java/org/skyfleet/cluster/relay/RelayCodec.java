package org.skyfleet.cluster.relay;

import com.google.protobuf.InvalidProtocolBufferException;
import org.skyfleet.fleet.command.CommandOutcome;
import org.skyfleet.fleet.command.CommandResult;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.proto.v1.GeoPosition;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.proto.v1.SendCommandResponse;
import org.skyfleet.server.control.ControlProtoMapper;

/**
 * A relayed command is the API's {@code SendCommandRequest} and its answer the API's
 * {@code SendCommandResponse}: the owner decodes it with the same mapper as a gRPC call, so a relayed
 * command is checked by the same rules.
 */
final class RelayCodec {
    private RelayCodec() {
    }

    static byte[] request(String commandId, String vehicleId, VehicleCommand c) {
        SendCommandRequest.Builder b = SendCommandRequest.newBuilder().setCommandId(commandId).setVehicleId(vehicleId);
        switch (c.verb()) {
            case ARM -> b.setArm(SendCommandRequest.Arm.getDefaultInstance());
            case DISARM -> b.setDisarm(SendCommandRequest.Disarm.getDefaultInstance());
            case TAKEOFF -> b.setTakeoff(SendCommandRequest.Takeoff.newBuilder().setAltRelM(c.altRelM()));
            case GOTO -> b.setGoTo(SendCommandRequest.GoTo.newBuilder().setTarget(point(c)));
            case ORBIT -> b.setOrbit(SendCommandRequest.Orbit.newBuilder().setCentre(point(c)).setRadiusM(c.radiusM())
                    .setSpeedMS(c.speedMps()));
            case ROI -> b.setRoi(SendCommandRequest.Roi.newBuilder().setSpot(point(c)));
            case HOLD -> b.setHold(SendCommandRequest.Hold.getDefaultInstance());
            case RETURN_TO_LAUNCH -> b.setReturnToLaunch(SendCommandRequest.ReturnToLaunch.getDefaultInstance());
            case LAND -> b.setLand(SendCommandRequest.Land.getDefaultInstance());
            case SET_SPEED -> b.setSetSpeed(SendCommandRequest.SetSpeed.newBuilder().setSpeedMS(c.speedMps()));
            case MISSION_START -> b.setStartMission(SendCommandRequest.StartMission.getDefaultInstance());
            case MISSION_PAUSE -> b.setPauseMission(SendCommandRequest.PauseMission.getDefaultInstance());
            case MISSION_RESUME -> b.setResumeMission(SendCommandRequest.ResumeMission.getDefaultInstance());
            // the caller's node already required the confirmation before relaying
            case KILL -> b.setEmergencyStop(SendCommandRequest.EmergencyStop.newBuilder().setConfirmMotorsStopAndVehicleFalls(true));
        }
        return b.build().toByteArray();
    }

    static SendCommandRequest parseRequest(byte[] bytes) throws InvalidProtocolBufferException {
        return SendCommandRequest.parseFrom(bytes);
    }

    /** The domain command of a request; IllegalArgumentException (or gRPC's INVALID_ARGUMENT) if malformed. */
    static VehicleCommand command(SendCommandRequest r) {
        return ControlProtoMapper.command(r);
    }

    static byte[] response(CommandOutcome o) {
        return ControlProtoMapper.outcome(o).toByteArray();
    }

    static CommandOutcome outcome(byte[] bytes) throws InvalidProtocolBufferException {
        SendCommandResponse r = SendCommandResponse.parseFrom(bytes);
        int result = r.getResultValue() - 1;  // the API numbers results from 1 in the domain's order
        if (result < 0 || result >= CommandResult.values().length) {
            throw new InvalidProtocolBufferException("command response without a known result: " + r.getResultValue());
        }
        return new CommandOutcome(CommandResult.values()[result], r.getProgressPercent(), r.getAttempts(), r.getDetail());
    }

    private static GeoPosition point(VehicleCommand c) {
        return GeoPosition.newBuilder().setLatDeg(c.latDeg()).setLonDeg(c.lonDeg()).setAltRelM(c.altRelM()).build();
    }
}
