package org.skyfleet.simulator.autopilot;

import io.dronefleet.mavlink.common.MavResult;
import io.dronefleet.mavlink.common.MavSeverity;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.Setpoint;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * Carries out MAV_CMDs (from COMMAND_LONG or COMMAND_INT) and SET_POSITION_TARGET_GLOBAL_INT as PX4
 * does, answering with the MAV_RESULT that goes into COMMAND_ACK: arming behind the pre-flight checks,
 * takeoff, land, return, reposition, orbit, the camera's region of interest, mode changes, mission start, pause and continue, speed change.
 */
public final class CommandHandler {
    public static final int DO_ORBIT = 34;
    public static final int NAV_RETURN_TO_LAUNCH = 20;
    public static final int NAV_LAND = 21;
    public static final int NAV_TAKEOFF = 22;
    public static final int DO_SET_MODE = 176;
    public static final int DO_CHANGE_SPEED = 178;
    public static final int DO_REPOSITION = 192;
    public static final int DO_SET_ROI_LOCATION = 195;
    public static final int DO_PAUSE_CONTINUE = 193;
    public static final int MISSION_START = 300;
    public static final int COMPONENT_ARM_DISARM = 400;
    private static final int FORCE_MAGIC = 21196;
    /** PX4's MC_ORBIT_RAD_MAX default: the largest radius it flies, metres. */
    static final double ORBIT_MAX_RADIUS_M = 1000;
    /** Radius and speed PX4 takes when DO_ORBIT leaves them NaN and no orbit is running (MC_ORBIT_RAD_DEF, 1 m/s). */
    static final double ORBIT_DEFAULT_RADIUS_M = 10;
    static final double ORBIT_DEFAULT_SPEED_MPS = 1;

    /**
     * A command with its position already in degrees: {@code latDeg}/{@code lonDeg} NaN when absent,
     * {@code altM} NaN when absent and above home when {@code altRelative}, else above mean sea level.
     */
    public record Command(int id, float param1, float param2, float param3, float param4, double latDeg, double lonDeg,
                          double altM, boolean altRelative) {
    }

    private final Autopilot ap;
    private final SimVehicle v;

    public CommandHandler(Autopilot ap) {
        this.ap = ap;
        this.v = ap.v;
    }

    public MavResult handle(Command c) {
        return switch (c.id()) {
            case COMPONENT_ARM_DISARM -> c.param1() >= 0.5f ? arm() : disarm(Math.round(c.param2()) == FORCE_MAGIC);
            case NAV_TAKEOFF -> takeoff(c);
            case NAV_LAND -> v.spec().flies() ? modeIfArmed(FlightMode.LAND) : MavResult.MAV_RESULT_UNSUPPORTED;
            case NAV_RETURN_TO_LAUNCH -> modeIfArmed(FlightMode.RTL);
            case DO_REPOSITION -> reposition(c);
            case DO_ORBIT -> orbit(c);
            case DO_SET_ROI_LOCATION -> roi(c);
            case DO_SET_MODE -> setMode(c);
            case MISSION_START -> missionStart(c);
            case DO_PAUSE_CONTINUE -> pauseContinue(c);
            case DO_CHANGE_SPEED -> changeSpeed(c);
            default -> MavResult.MAV_RESULT_UNSUPPORTED;
        };
    }

    private MavResult arm() {
        if (ap.armed()) {
            return MavResult.MAV_RESULT_ACCEPTED;
        }
        if (!v.gps().hasFix()) {
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Preflight Fail: GPS fix lost");
            return MavResult.MAV_RESULT_DENIED;
        }
        if (v.batteryPercent() <= ap.failsafe.batteryReturnPercent()) {
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Preflight Fail: low battery");
            return MavResult.MAV_RESULT_DENIED;
        }
        ap.arm();
        ap.out.statustext(MavSeverity.MAV_SEVERITY_INFO, "Armed by external command");
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    private MavResult disarm(boolean force) {
        if (!ap.armed()) {
            return MavResult.MAV_RESULT_ACCEPTED;
        }
        if (v.airborne() && !force) {
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Disarming denied: not landed");
            return MavResult.MAV_RESULT_DENIED;
        }
        ap.disarm("Disarmed by external command");
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    private MavResult takeoff(Command c) {
        if (!v.spec().flies()) {
            return MavResult.MAV_RESULT_UNSUPPORTED;
        }
        if (!ap.armed()) {
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Takeoff denied: disarmed");
            return MavResult.MAV_RESULT_DENIED;
        }
        double altRel = Double.isNaN(c.altM()) ? v.spec().takeoffAltRelM()
                : c.altRelative() ? c.altM() : c.altM() - v.homeAltAmslM();
        if (!(altRel > 0 && altRel <= v.spec().maxAltRelM())) {
            return MavResult.MAV_RESULT_DENIED;
        }
        ap.takeoff(altRel);
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    private MavResult modeIfArmed(FlightMode m) {
        if (!ap.armed()) {
            return MavResult.MAV_RESULT_DENIED;
        }
        ap.setMode(m);
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    private MavResult reposition(Command c) {
        if (!ap.armed() || (v.spec().flies() && !v.airborne())) {
            return MavResult.MAV_RESULT_DENIED;
        }
        double e = Double.isNaN(c.lonDeg()) ? v.eastM() : v.frame().eastM(c.lonDeg());
        double n = Double.isNaN(c.latDeg()) ? v.northM() : v.frame().northM(c.latDeg());
        double altRel = Double.isNaN(c.altM()) ? v.altitudeRelM() : c.altRelative() ? c.altM() : c.altM() - v.homeAltAmslM();
        if (v.spec().flies() && !(altRel > 0 && altRel <= v.spec().maxAltRelM())) {
            return MavResult.MAV_RESULT_DENIED;
        }
        if (v.flavour() != AutopilotFlavour.PX4) {
            ap.guidedTo(e, n, altRel, c.param1());
        } else {
            ap.reposition(e, n, altRel, c.param1());
        }
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    /**
     * DO_ORBIT, as PX4 takes it: multicopters only (UNSUPPORTED for a rover, and on the ArduPilot flavour, which
     * does not fly it); DENIED unless armed and airborne. param1 is the radius with the direction in its sign
     * (positive clockwise), param2 the tangential speed (its magnitude is used), param3/param4 (yaw behaviour,
     * radians to orbit) are not modelled: the simulator orbits until another mode. NaN radius or speed, or a missing
     * centre, keep the running orbit's value (else 10 m, 1 m/s, the vehicle's position); NaN altitude keeps the current.
     */
    private MavResult orbit(Command c) {
        if (!v.spec().flies() || v.flavour() != AutopilotFlavour.PX4) {
            return MavResult.MAV_RESULT_UNSUPPORTED;
        }
        if (!ap.armed() || !v.airborne()) {
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Orbit denied: not flying");
            return MavResult.MAV_RESULT_DENIED;
        }
        OrbitGuidance running = ap.mode() == FlightMode.ORBIT ? ap.orbitGuidance() : null;
        boolean hasRadius = !Double.isNaN(c.param1());
        double radius = hasRadius ? Math.abs(c.param1()) : running != null ? running.radiusM() : ORBIT_DEFAULT_RADIUS_M;
        boolean clockwise = hasRadius ? c.param1() >= 0 : running == null || running.speedMps() >= 0;
        double speed = !Double.isNaN(c.param2()) ? Math.abs(c.param2())
                : running != null ? Math.abs(running.speedMps()) : ORBIT_DEFAULT_SPEED_MPS;
        double e = !Double.isNaN(c.lonDeg()) ? v.frame().eastM(c.lonDeg()) : running != null ? running.targetEastM() : v.eastM();
        double n = !Double.isNaN(c.latDeg()) ? v.frame().northM(c.latDeg()) : running != null ? running.targetNorthM() : v.northM();
        double altRel = Double.isNaN(c.altM()) ? v.altitudeRelM() : c.altRelative() ? c.altM() : c.altM() - v.homeAltAmslM();
        if (!(radius >= 1 && radius <= ORBIT_MAX_RADIUS_M) || !(altRel > 0 && altRel <= v.spec().maxAltRelM())) {
            return MavResult.MAV_RESULT_DENIED;
        }
        ap.orbit(e, n, altRel, radius, clockwise ? speed : -speed);
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    /**
     * DO_SET_ROI_LOCATION: the spot the camera keeps pointing at, kept by the autopilot (see {@link RegionOfInterest}),
     * armed or not, as PX4's gimbal manager takes it. DENIED without a spot; a NaN altitude is the ground at home's
     * level. param1 (which gimbal) is not modelled: one camera.
     */
    private MavResult roi(Command c) {
        if (Double.isNaN(c.latDeg()) || Double.isNaN(c.lonDeg())) {
            return MavResult.MAV_RESULT_DENIED;
        }
        double altRel = Double.isNaN(c.altM()) ? 0 : c.altRelative() ? c.altM() : c.altM() - v.homeAltAmslM();
        ap.pointCameraAt(new RegionOfInterest(v.frame().eastM(c.lonDeg()), v.frame().northM(c.latDeg()), altRel));
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    private MavResult setMode(Command c) {
        FlightMode m = v.flavour() == AutopilotFlavour.PX4 ? FlightMode.fromPx4(Math.round(c.param2()), Math.round(c.param3()))
                : FlightMode.fromArdu(v.kind(), Math.round(c.param2()));
        if (m == null || ((Math.round(c.param1()) & 1) == 0)) {
            return MavResult.MAV_RESULT_UNSUPPORTED;
        }
        if (m == FlightMode.MISSION) {
            return missionStart(null);
        }
        if (m == FlightMode.OFFBOARD && v.flavour() == AutopilotFlavour.PX4 && !ap.offboardFresh()) {
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Switching to Offboard denied: no setpoints");
            return MavResult.MAV_RESULT_DENIED;
        }
        if ((m == FlightMode.TAKEOFF || m == FlightMode.LAND) && !v.spec().flies()) {
            return MavResult.MAV_RESULT_DENIED;
        }
        if (m == FlightMode.TAKEOFF) {
            if (!ap.armed()) {
                return MavResult.MAV_RESULT_DENIED;
            }
            ap.takeoff(v.spec().takeoffAltRelM());
            return MavResult.MAV_RESULT_ACCEPTED;
        }
        ap.setMode(m);
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    private MavResult missionStart(Command c) {
        if (!ap.mission.hasMission()) {
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Mission start denied: no valid mission");
            return MavResult.MAV_RESULT_DENIED;
        }
        if (c != null && c.param1() > 0 && !ap.mission.setCurrent(Math.round(c.param1()))) {
            return MavResult.MAV_RESULT_DENIED;
        }
        ap.setMode(FlightMode.MISSION);
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    private MavResult pauseContinue(Command c) {
        if (!ap.armed()) {
            return MavResult.MAV_RESULT_DENIED;
        }
        if (Math.round(c.param1()) == 0) {
            ap.setMode(FlightMode.HOLD);
            return MavResult.MAV_RESULT_ACCEPTED;
        }
        return missionStart(null);
    }

    private MavResult changeSpeed(Command c) {
        if (c.param2() == -1) {
            return MavResult.MAV_RESULT_ACCEPTED;
        }
        if (!(c.param2() > 0 && c.param2() <= v.spec().maxSpeedMps())) {
            return MavResult.MAV_RESULT_DENIED;
        }
        ap.setSpeedOverride(c.param2());
        return MavResult.MAV_RESULT_ACCEPTED;
    }

    /**
     * SET_POSITION_TARGET_GLOBAL_INT. PX4 takes it as an Offboard setpoint (it flies it only in Offboard, and needs
     * a fresh one to switch there, holding when they stop coming). ArduPilot takes it only in GUIDED, and then as a
     * destination: it drives (or flies) there at its waypoint speed, capped at the vehicle's top speed, and stops
     * there, however long until the next one; outside GUIDED it ignores it.
     */
    public void onPositionTarget(double latDeg, double lonDeg, double altM, boolean altRelative, long nowMs) {
        double altRel = altRelative ? altM : altM - v.homeAltAmslM();
        double e = v.frame().eastM(lonDeg);
        double n = v.frame().northM(latDeg);
        if (v.flavour() != AutopilotFlavour.PX4) {
            if (ap.mode() == FlightMode.OFFBOARD) {
                ap.guidedTo(e, n, altRel, -1);
            }
            return;
        }
        ap.offboard = Setpoint.goTo(e, n, v.spec().flies() ? Math.max(0, altRel) : 0, v.spec().maxSpeedMps());
        ap.offboardAtMs = nowMs;
    }
}
