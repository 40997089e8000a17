package org.skyfleet.telemetry.mavlink;

import io.dronefleet.mavlink.minimal.MavAutopilot;
import io.dronefleet.mavlink.minimal.MavType;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.VehicleKind;

/** Maps HEARTBEAT type and autopilot fields to what SkyFleet calls a vehicle. */
public final class VehicleClassification {
    private VehicleClassification() {
    }

    /** The vehicle kind (OTHER for a type this codec does not know), or null for a heartbeat from something that is not a vehicle. */
    public static VehicleKind kind(MavType t) {
        if (t == null) {
            return VehicleKind.OTHER;
        }
        return switch (t) {
            case MAV_TYPE_QUADROTOR, MAV_TYPE_HEXAROTOR, MAV_TYPE_OCTOROTOR, MAV_TYPE_TRICOPTER,
                 MAV_TYPE_DODECAROTOR, MAV_TYPE_DECAROTOR, MAV_TYPE_COAXIAL -> VehicleKind.MULTICOPTER;
            case MAV_TYPE_HELICOPTER -> VehicleKind.HELICOPTER;
            case MAV_TYPE_FIXED_WING, MAV_TYPE_FLAPPING_WING -> VehicleKind.FIXED_WING;
            case MAV_TYPE_VTOL_TAILSITTER_DUOROTOR, MAV_TYPE_VTOL_TAILSITTER_QUADROTOR, MAV_TYPE_VTOL_TILTROTOR,
                 MAV_TYPE_VTOL_FIXEDROTOR, MAV_TYPE_VTOL_TAILSITTER, MAV_TYPE_VTOL_TILTWING,
                 MAV_TYPE_VTOL_RESERVED5 -> VehicleKind.VTOL;
            case MAV_TYPE_GROUND_ROVER -> VehicleKind.GROUND_ROVER;
            case MAV_TYPE_SURFACE_BOAT, MAV_TYPE_SUBMARINE -> VehicleKind.SURFACE_BOAT;
            case MAV_TYPE_GCS, MAV_TYPE_GIMBAL, MAV_TYPE_ADSB, MAV_TYPE_ANTENNA_TRACKER, MAV_TYPE_CAMERA,
                 MAV_TYPE_ONBOARD_CONTROLLER, MAV_TYPE_CHARGING_STATION, MAV_TYPE_FLARM, MAV_TYPE_SERVO,
                 MAV_TYPE_ODID, MAV_TYPE_BATTERY, MAV_TYPE_PARACHUTE, MAV_TYPE_LOG, MAV_TYPE_OSD, MAV_TYPE_IMU,
                 MAV_TYPE_GPS, MAV_TYPE_WINCH, MAV_TYPE_GENERIC -> null;
            default -> VehicleKind.OTHER;
        };
    }

    public static AutopilotKind autopilot(MavAutopilot a) {
        if (a == MavAutopilot.MAV_AUTOPILOT_PX4) {
            return AutopilotKind.PX4;
        }
        if (a == MavAutopilot.MAV_AUTOPILOT_ARDUPILOTMEGA) {
            return AutopilotKind.ARDUPILOT;
        }
        return AutopilotKind.OTHER;
    }
}
