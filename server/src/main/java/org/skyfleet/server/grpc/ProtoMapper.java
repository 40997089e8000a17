package org.skyfleet.server.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.AttitudeSample;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.GpsSample;
import org.skyfleet.fleet.vehicle.HomePosition;
import org.skyfleet.fleet.vehicle.MotionSample;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.proto.v1.Attitude;
import org.skyfleet.proto.v1.Autopilot;
import org.skyfleet.proto.v1.Battery;
import org.skyfleet.proto.v1.EventSeverity;
import org.skyfleet.proto.v1.EventType;
import org.skyfleet.proto.v1.GeoPosition;
import org.skyfleet.proto.v1.Gps;
import org.skyfleet.proto.v1.GpsFixType;
import org.skyfleet.proto.v1.LandedState;
import org.skyfleet.proto.v1.LinkState;
import org.skyfleet.proto.v1.Motion;
import org.skyfleet.proto.v1.Position;
import org.skyfleet.proto.v1.SystemStatus;
import org.skyfleet.proto.v1.VehicleState;
import org.skyfleet.proto.v1.VehicleType;

/**
 * Domain to protobuf. Ages are computed against the instant the message is made, so that one encoded
 * message can be shared by every subscriber.
 */
public final class ProtoMapper {
    private ProtoMapper() {
    }

    public static VehicleState toProto(org.skyfleet.fleet.vehicle.VehicleState s, Instant now) {
        VehicleState.Builder b = VehicleState.newBuilder()
                .setVehicleId(s.vehicleId())
                .setType(vehicleType(s.identity().kind()))
                .setAutopilot(autopilot(s.identity().autopilot()))
                .setMavlinkSystemId(s.identity().mavlinkSystemId())
                .setLinkPeer(s.identity().linkPeer())
                .setLinkClaimPeer(s.identity().linkClaim())
                .setLinkState(s.status().linkState() == org.skyfleet.fleet.vehicle.LinkState.CONNECTED
                        ? LinkState.LINK_STATE_CONNECTED : LinkState.LINK_STATE_LOST)
                .setLastHeartbeat(timestamp(s.status().lastHeartbeat()))
                .setArmed(s.status().armed())
                .setFlightMode(s.status().flightMode())
                .setSystemStatus(SystemStatus.forNumber(s.status().systemStatus().ordinal()))
                .setLandedState(LandedState.forNumber(s.status().landedState().ordinal()))
                .setVersion(s.version());
        if (s.position() != null) {
            b.setPosition(position(s.position(), now));
        }
        if (s.attitude() != null) {
            b.setAttitude(attitude(s.attitude(), now));
        }
        if (s.battery() != null) {
            b.setBattery(battery(s.battery(), now));
        }
        if (s.gps() != null) {
            b.setGps(gps(s.gps(), now));
        }
        if (s.motion() != null) {
            b.setMotion(motion(s.motion(), now));
        }
        if (s.home() != null) {
            b.setHome(home(s.home()));
        }
        return b.build();
    }

    public static org.skyfleet.proto.v1.VehicleEvent toProto(VehicleEvent e) {
        return org.skyfleet.proto.v1.VehicleEvent.newBuilder()
                .setVehicleId(e.vehicleId())
                .setType(EventType.forNumber(e.type().ordinal() + 1))
                .setSeverity(EventSeverity.forNumber(e.severity().ordinal() + 1))
                .setMessage(e.message())
                .setTime(timestamp(e.time()))
                .setSequence(e.sequence())
                .putAllParams(e.params())
                .build();
    }

    public static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    /** A client's timestamp; INVALID_ARGUMENT when it is out of range. */
    public static Instant instant(Timestamp t) {
        if (t.getNanos() < 0 || t.getNanos() > 999_999_999) {
            throw io.grpc.Status.INVALID_ARGUMENT.withDescription("timestamp nanos out of range: " + t.getNanos())
                    .asRuntimeException();
        }
        try {
            return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
        } catch (java.time.DateTimeException e) {
            throw io.grpc.Status.INVALID_ARGUMENT.withDescription("timestamp seconds out of range: " + t.getSeconds())
                    .asRuntimeException();
        }
    }

    public static org.skyfleet.planner.geo.GeoPoint point(org.skyfleet.proto.v1.GeoPoint p) {
        return new org.skyfleet.planner.geo.GeoPoint(p.getLatDeg(), p.getLonDeg());
    }

    public static org.skyfleet.proto.v1.GeoPoint point(org.skyfleet.planner.geo.GeoPoint p) {
        return org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg()).build();
    }

    private static Position position(PositionSample p, Instant now) {
        return Position.newBuilder()
                .setPosition(GeoPosition.newBuilder().setLatDeg(p.latDeg()).setLonDeg(p.lonDeg())
                        .setAltAmslM(p.altAmslM()).setAltRelM(p.altRelM()))
                .setVelocityNorthMS(p.vNorthMps()).setVelocityEastMS(p.vEastMps()).setVelocityDownMS(p.vDownMps())
                .setHeadingDeg(p.headingDeg())
                .setTime(timestamp(p.receivedAt())).setAgeMs(ageMs(p.receivedAt(), now))
                .build();
    }

    private static Attitude attitude(AttitudeSample a, Instant now) {
        return Attitude.newBuilder().setRollDeg(a.rollDeg()).setPitchDeg(a.pitchDeg()).setYawDeg(a.yawDeg())
                .setTime(timestamp(a.receivedAt())).setAgeMs(ageMs(a.receivedAt(), now)).build();
    }

    private static Battery battery(BatterySample b, Instant now) {
        return Battery.newBuilder().setRemainingPercent(b.remainingPercent()).setVoltageV(b.voltageV())
                .setCurrentA(b.currentA()).setTime(timestamp(b.receivedAt())).setAgeMs(ageMs(b.receivedAt(), now))
                .build();
    }

    private static Gps gps(GpsSample g, Instant now) {
        return Gps.newBuilder().setFixType(GpsFixType.forNumber(g.fix().ordinal()))
                .setSatellitesVisible(g.satellitesVisible()).setHdop(g.hdop())
                .setTime(timestamp(g.receivedAt())).setAgeMs(ageMs(g.receivedAt(), now)).build();
    }

    private static Motion motion(MotionSample m, Instant now) {
        return Motion.newBuilder().setAirspeedMS(m.airspeedMps()).setGroundspeedMS(m.groundspeedMps())
                .setClimbRateMS(m.climbRateMps()).setThrottlePercent(m.throttlePercent())
                .setTime(timestamp(m.receivedAt())).setAgeMs(ageMs(m.receivedAt(), now)).build();
    }

    private static GeoPosition home(HomePosition h) {
        return GeoPosition.newBuilder().setLatDeg(h.latDeg()).setLonDeg(h.lonDeg()).setAltAmslM(h.altAmslM()).build();
    }

    private static int ageMs(Instant at, Instant now) {
        long ms = now.toEpochMilli() - at.toEpochMilli();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, ms));
    }

    static VehicleType vehicleType(org.skyfleet.fleet.vehicle.VehicleKind k) {
        return switch (k) {
            case MULTICOPTER -> VehicleType.VEHICLE_TYPE_MULTICOPTER;
            case FIXED_WING -> VehicleType.VEHICLE_TYPE_FIXED_WING;
            case VTOL -> VehicleType.VEHICLE_TYPE_VTOL;
            case GROUND_ROVER -> VehicleType.VEHICLE_TYPE_GROUND_ROVER;
            case SURFACE_BOAT -> VehicleType.VEHICLE_TYPE_SURFACE_BOAT;
            case HELICOPTER -> VehicleType.VEHICLE_TYPE_HELICOPTER;
            case OTHER -> VehicleType.VEHICLE_TYPE_OTHER;
        };
    }

    private static Autopilot autopilot(org.skyfleet.fleet.vehicle.AutopilotKind a) {
        return switch (a) {
            case PX4 -> Autopilot.AUTOPILOT_PX4;
            case ARDUPILOT -> Autopilot.AUTOPILOT_ARDUPILOT;
            case OTHER -> Autopilot.AUTOPILOT_OTHER;
        };
    }
}
