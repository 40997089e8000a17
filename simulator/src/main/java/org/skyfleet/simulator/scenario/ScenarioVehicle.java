package org.skyfleet.simulator.scenario;

import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.SimVehicleKind;
import org.skyfleet.simulator.vehicle.VehicleSpec;

/**
 * One vehicle of a scenario. Fields left out take the type's defaults.
 *
 * @param name             "drone-1", "robot-2": how tests and the log name it
 * @param type             MULTICOPTER or GROUND_ROVER
 * @param autopilot        PX4 (default) or ARDUPILOT_LEGACY
 * @param start            where it stands at the start, which is also its home; default the scenario home
 * @param enduranceS       battery endurance from full, hovering (driving at cruise for a rover), seconds
 * @param batteryPercent   charge at the start, 0..100 (default 100)
 * @param maxSpeedMps      speed limit; cruise speed is two thirds of it unless given
 * @param cruiseSpeedMps   mission and return speed
 * @param camera           the vehicle's camera, or null: a drone's looks down, a ground robot's looks ahead
 * @param patrol           if given, the vehicle starts on patrol around this loop (armed, in the air at
 *                         {@code patrolAltM} for a drone) instead of waiting disarmed on the ground
 * @param patrolAltM       patrol altitude above home, metres (default 60)
 * @param signingKeyHex    64 hex digits: the link is MAVLink 2 signed with this key
 * @param dock             the vehicle's dock (charger or swapper), or null for none
 */
public record ScenarioVehicle(String name, SimVehicleKind type, AutopilotFlavour autopilot, GeoPoint start,
                              Double enduranceS, Double batteryPercent, Double maxSpeedMps, Double cruiseSpeedMps,
                              CameraSpec camera, List<GeoPoint> patrol, Double patrolAltM, String signingKeyHex,
                              DockSpec dock) {
    public ScenarioVehicle {
        Objects.requireNonNull(name, "vehicle name");
        Objects.requireNonNull(type, "vehicle type of " + name);
        autopilot = autopilot == null ? AutopilotFlavour.PX4 : autopilot;
        patrol = patrol == null ? List.of() : List.copyOf(patrol);
        if (signingKeyHex != null && signingKeyHex.length() != 64) {
            throw new IllegalArgumentException(name + ": signingKeyHex must be 64 hex digits (32 bytes)");
        }
    }

    public VehicleSpec spec() {
        VehicleSpec s = type == SimVehicleKind.MULTICOPTER ? VehicleSpec.px4Quadrotor().withFlavour(autopilot)
                : VehicleSpec.patrolRover(autopilot);
        if (maxSpeedMps != null || cruiseSpeedMps != null) {
            double max = maxSpeedMps != null ? maxSpeedMps : Math.max(s.maxSpeedMps(), cruiseSpeedMps);
            s = s.withSpeeds(max, cruiseSpeedMps != null ? cruiseSpeedMps : max * 2 / 3);
        }
        return enduranceS != null ? s.withEnduranceS(enduranceS) : s;
    }

    /** The same vehicle on a link signed with {@code hex} (64 hex digits). */
    public ScenarioVehicle withSigningKeyHex(String hex) {
        return new ScenarioVehicle(name, type, autopilot, start, enduranceS, batteryPercent, maxSpeedMps, cruiseSpeedMps,
                camera, patrol, patrolAltM, hex, dock);
    }

    public byte[] signingKey() {
        return signingKeyHex == null ? null : HexFormat.of().parseHex(signingKeyHex);
    }
}
