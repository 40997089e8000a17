package org.skyfleet.mavsdk;

import io.mavsdk.telemetry.TelemetryProto;
import org.skyfleet.proto.v1.GpsFixType;
import org.skyfleet.proto.v1.LandedState;
import org.skyfleet.proto.v1.VehicleState;

/** SkyFleet's VehicleState in MAVSDK telemetry terms. Each returns null while the state lacks the part. */
final class TelemetryMapping {
    private TelemetryMapping() {
    }

    static TelemetryProto.Position position(VehicleState s) {
        if (!s.hasPosition() || !s.getPosition().hasPosition()) {
            return null;
        }
        var p = s.getPosition().getPosition();
        return TelemetryProto.Position.newBuilder().setLatitudeDeg(p.getLatDeg()).setLongitudeDeg(p.getLonDeg())
                .setAbsoluteAltitudeM((float) p.getAltAmslM()).setRelativeAltitudeM((float) p.getAltRelM()).build();
    }

    static TelemetryProto.Position home(VehicleState s) {
        if (!s.hasHome()) {
            return null;
        }
        var h = s.getHome();
        return TelemetryProto.Position.newBuilder().setLatitudeDeg(h.getLatDeg()).setLongitudeDeg(h.getLonDeg())
                .setAbsoluteAltitudeM((float) h.getAltAmslM()).setRelativeAltitudeM(0f).build();
    }

    /** MAVSDK counts taking off and landing as in the air. */
    static boolean inAir(VehicleState s) {
        LandedState l = s.getLandedState();
        return l == LandedState.LANDED_STATE_IN_AIR || l == LandedState.LANDED_STATE_TAKING_OFF
                || l == LandedState.LANDED_STATE_LANDING;
    }

    /** MAVSDK 1.x reports the remaining charge as a fraction, 0..1. */
    static TelemetryProto.Battery battery(VehicleState s) {
        if (!s.hasBattery()) {
            return null;
        }
        return TelemetryProto.Battery.newBuilder().setId(0).setVoltageV((float) s.getBattery().getVoltageV())
                .setRemainingPercent((float) (s.getBattery().getRemainingPercent() / 100.0)).build();
    }

    static TelemetryProto.EulerAngle euler(VehicleState s) {
        if (!s.hasAttitude()) {
            return null;
        }
        var a = s.getAttitude();
        return TelemetryProto.EulerAngle.newBuilder().setRollDeg((float) a.getRollDeg()).setPitchDeg((float) a.getPitchDeg())
                .setYawDeg((float) a.getYawDeg()).build();
    }

    /** ZYX (yaw, pitch, roll) Euler angles to a unit quaternion, NED body frame as MAVSDK uses. */
    static TelemetryProto.Quaternion quaternion(VehicleState s) {
        if (!s.hasAttitude()) {
            return null;
        }
        var a = s.getAttitude();
        double cr = Math.cos(Math.toRadians(a.getRollDeg()) / 2), sr = Math.sin(Math.toRadians(a.getRollDeg()) / 2);
        double cp = Math.cos(Math.toRadians(a.getPitchDeg()) / 2), sp = Math.sin(Math.toRadians(a.getPitchDeg()) / 2);
        double cy = Math.cos(Math.toRadians(a.getYawDeg()) / 2), sy = Math.sin(Math.toRadians(a.getYawDeg()) / 2);
        return TelemetryProto.Quaternion.newBuilder().setW((float) (cr * cp * cy + sr * sp * sy))
                .setX((float) (sr * cp * cy - cr * sp * sy)).setY((float) (cr * sp * cy + sr * cp * sy))
                .setZ((float) (cr * cp * sy - sr * sp * cy)).build();
    }

    /**
     * Health from what SkyFleet knows: a 3D fix gives the position estimates, a home gives the home. SkyFleet does
     * not see the sensors' calibration; a vehicle flying on its estimates is taken as calibrated.
     */
    static TelemetryProto.Health health(VehicleState s) {
        boolean fix = s.hasGps() && s.getGps().getFixTypeValue() >= GpsFixType.GPS_FIX_TYPE_FIX_3D_VALUE;
        boolean globalOk = fix && s.hasPosition();
        boolean homeOk = s.hasHome();
        return TelemetryProto.Health.newBuilder().setIsGyrometerCalibrationOk(true).setIsAccelerometerCalibrationOk(true)
                .setIsMagnetometerCalibrationOk(true).setIsLocalPositionOk(globalOk).setIsGlobalPositionOk(globalOk)
                .setIsHomePositionOk(homeOk).setIsArmable(globalOk && homeOk).build();
    }

    /** SkyFleet's mode names (PX4's and ArduPilot's) as MAVSDK's flight modes. */
    static TelemetryProto.FlightMode flightMode(VehicleState s) {
        return switch (s.getFlightMode()) {
            case "READY" -> TelemetryProto.FlightMode.FLIGHT_MODE_READY;
            case "TAKEOFF" -> TelemetryProto.FlightMode.FLIGHT_MODE_TAKEOFF;
            case "HOLD", "LOITER", "POSHOLD", "BRAKE", "GUIDED" -> TelemetryProto.FlightMode.FLIGHT_MODE_HOLD;
            case "MISSION", "AUTO" -> TelemetryProto.FlightMode.FLIGHT_MODE_MISSION;
            case "RTL", "SMART_RTL", "AUTO_RTL", "QRTL" -> TelemetryProto.FlightMode.FLIGHT_MODE_RETURN_TO_LAUNCH;
            case "LAND", "QLAND", "PRECLAND" -> TelemetryProto.FlightMode.FLIGHT_MODE_LAND;
            case "OFFBOARD" -> TelemetryProto.FlightMode.FLIGHT_MODE_OFFBOARD;
            case "FOLLOW_TARGET", "FOLLOW" -> TelemetryProto.FlightMode.FLIGHT_MODE_FOLLOW_ME;
            case "MANUAL" -> TelemetryProto.FlightMode.FLIGHT_MODE_MANUAL;
            case "ALTCTL", "ALT_HOLD" -> TelemetryProto.FlightMode.FLIGHT_MODE_ALTCTL;
            case "POSCTL", "ORBIT" -> TelemetryProto.FlightMode.FLIGHT_MODE_POSCTL;
            case "ACRO" -> TelemetryProto.FlightMode.FLIGHT_MODE_ACRO;
            case "STABILIZED", "STABILIZE" -> TelemetryProto.FlightMode.FLIGHT_MODE_STABILIZED;
            case "RATTITUDE" -> TelemetryProto.FlightMode.FLIGHT_MODE_RATTITUDE;
            default -> TelemetryProto.FlightMode.FLIGHT_MODE_UNKNOWN;
        };
    }
}
