package org.skyfleet.cluster.bus;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import org.skyfleet.fleet.vehicle.AttitudeSample;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.GpsFix;
import org.skyfleet.fleet.vehicle.GpsSample;
import org.skyfleet.fleet.vehicle.HomePosition;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.MotionSample;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.server.grpc.ProtoMapper;

/**
 * A vehicle state on the bus is the API's {@code skyfleet.v1.VehicleState}, so any NATS client with the
 * proto files can read the feed. Encoding reuses the API mapper; decoding is its inverse. The per-part
 * ages are not carried meaning (a reader recomputes them from the receive times).
 */
final class StateCodec {
    private StateCodec() {
    }

    static byte[] encode(VehicleState s) {
        Instant at = s.status().lastHeartbeat() != null ? s.status().lastHeartbeat() : Instant.EPOCH;
        return ProtoMapper.toProto(s, at).toByteArray();
    }

    static VehicleState decode(byte[] bytes) throws InvalidProtocolBufferException {
        org.skyfleet.proto.v1.VehicleState p = org.skyfleet.proto.v1.VehicleState.parseFrom(bytes);
        if (p.getVehicleId().isEmpty()) {
            throw new InvalidProtocolBufferException("vehicle state without a vehicle id");
        }
        VehicleIdentity identity = new VehicleIdentity(p.getVehicleId(), kind(p.getType()), autopilot(p.getAutopilot()),
                p.getMavlinkSystemId(), p.getLinkPeer(), p.getLinkClaimPeer());
        FlightStatus status = new FlightStatus(
                p.getLinkState() == org.skyfleet.proto.v1.LinkState.LINK_STATE_LOST ? LinkState.LOST : LinkState.CONNECTED,
                p.hasLastHeartbeat() ? instant(p.getLastHeartbeat()) : null, p.getArmed(), p.getFlightMode(),
                enumAt(SystemStatus.values(), p.getSystemStatusValue()), enumAt(LandedState.values(), p.getLandedStateValue()));
        return new VehicleState(identity, status, position(p), attitude(p), battery(p), gps(p), motion(p), home(p), p.getVersion());
    }

    private static PositionSample position(org.skyfleet.proto.v1.VehicleState p) {
        if (!p.hasPosition()) {
            return null;
        }
        var q = p.getPosition();
        return new PositionSample(q.getPosition().getLatDeg(), q.getPosition().getLonDeg(), q.getPosition().getAltAmslM(),
                q.getPosition().getAltRelM(), q.getVelocityNorthMS(), q.getVelocityEastMS(), q.getVelocityDownMS(),
                q.getHeadingDeg(), instant(q.getTime()));
    }

    private static AttitudeSample attitude(org.skyfleet.proto.v1.VehicleState p) {
        if (!p.hasAttitude()) {
            return null;
        }
        var a = p.getAttitude();
        return new AttitudeSample(a.getRollDeg(), a.getPitchDeg(), a.getYawDeg(), instant(a.getTime()));
    }

    private static BatterySample battery(org.skyfleet.proto.v1.VehicleState p) {
        if (!p.hasBattery()) {
            return null;
        }
        var b = p.getBattery();
        return new BatterySample(b.getRemainingPercent(), b.getVoltageV(), b.getCurrentA(), instant(b.getTime()));
    }

    private static GpsSample gps(org.skyfleet.proto.v1.VehicleState p) {
        if (!p.hasGps()) {
            return null;
        }
        var g = p.getGps();
        // GpsFix and the proto enum share their order, UNKNOWN being UNSPECIFIED
        return new GpsSample(enumAt(GpsFix.values(), g.getFixTypeValue()), g.getSatellitesVisible(), g.getHdop(), instant(g.getTime()));
    }

    private static MotionSample motion(org.skyfleet.proto.v1.VehicleState p) {
        if (!p.hasMotion()) {
            return null;
        }
        var m = p.getMotion();
        return new MotionSample(m.getAirspeedMS(), m.getGroundspeedMS(), m.getClimbRateMS(), m.getThrottlePercent(),
                instant(m.getTime()));
    }

    private static HomePosition home(org.skyfleet.proto.v1.VehicleState p) {
        if (!p.hasHome()) {
            return null;
        }
        var h = p.getHome();
        return new HomePosition(h.getLatDeg(), h.getLonDeg(), h.getAltAmslM());
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static <E extends Enum<E>> E enumAt(E[] values, int ordinal) {
        return ordinal >= 0 && ordinal < values.length ? values[ordinal] : values[0];
    }

    private static VehicleKind kind(org.skyfleet.proto.v1.VehicleType t) {
        return switch (t) {
            case VEHICLE_TYPE_MULTICOPTER -> VehicleKind.MULTICOPTER;
            case VEHICLE_TYPE_FIXED_WING -> VehicleKind.FIXED_WING;
            case VEHICLE_TYPE_VTOL -> VehicleKind.VTOL;
            case VEHICLE_TYPE_GROUND_ROVER -> VehicleKind.GROUND_ROVER;
            case VEHICLE_TYPE_SURFACE_BOAT -> VehicleKind.SURFACE_BOAT;
            case VEHICLE_TYPE_HELICOPTER -> VehicleKind.HELICOPTER;
            default -> VehicleKind.OTHER;
        };
    }

    private static AutopilotKind autopilot(org.skyfleet.proto.v1.Autopilot a) {
        return switch (a) {
            case AUTOPILOT_PX4 -> AutopilotKind.PX4;
            case AUTOPILOT_ARDUPILOT -> AutopilotKind.ARDUPILOT;
            default -> AutopilotKind.OTHER;
        };
    }
}
