package org.skyfleet.simulator.autopilot;

import io.dronefleet.mavlink.common.MavSeverity;
import io.dronefleet.mavlink.common.MissionCurrent;
import io.dronefleet.mavlink.minimal.MavState;
import org.skyfleet.simulator.mavlink.Outbox;
import org.skyfleet.simulator.mission.Fence;
import org.skyfleet.simulator.mission.MissionPlanItem;
import org.skyfleet.simulator.mission.MissionStore;
import org.skyfleet.simulator.vehicle.AutopilotFlavour;
import org.skyfleet.simulator.vehicle.LoopPath;
import org.skyfleet.simulator.vehicle.Setpoint;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * A simulated flight stack: the armed state and flight mode, the setpoint each mode flies, and the
 * automatic disarm after landing. Commands arrive through {@link CommandHandler}, failsafes through
 * {@link Failsafes}. Used by the simulation thread only.
 */
public final class Autopilot {
    private static final long DISARM_AFTER_LANDING_MS = 2000;
    private static final long DISARM_PREFLIGHT_MS = 10_000;
    private static final long OFFBOARD_SETPOINT_TIMEOUT_MS = 500;

    final SimVehicle v;
    final Outbox out;
    final MissionStore store;
    final FailsafeConfig failsafe;
    final MissionExecutor mission;
    final ReturnGuidance rtl = new ReturnGuidance();
    final Failsafes failsafes;
    Fence fence = new Fence();
    private FlightMode mode = FlightMode.HOLD;
    private boolean armed;
    private long armedAtMs;
    private long landedAtMs = -1;
    private boolean wasAirborne;
    private Setpoint hold;
    private double speedOverrideMps = -1;
    private PatrolGuidance patrol;
    private OrbitGuidance orbit;
    /** Written on the simulation thread, read by anyone. */
    private volatile RegionOfInterest roi;
    Setpoint offboard;
    long offboardAtMs = -1;
    private long nowMs;

    public Autopilot(SimVehicle v, Outbox out, MissionStore store, FailsafeConfig failsafe) {
        this.v = v;
        this.out = out;
        this.store = store;
        this.failsafe = failsafe;
        this.mission = new MissionExecutor(v, store, out, rtl);
        this.failsafes = new Failsafes(this);
        store.onChange(type -> {
            if (type == MissionStore.MISSION) {
                mission.reset();
            } else if (type == MissionStore.FENCE) {
                fence = Fence.of(store.items(MissionStore.FENCE), v.frame());
            }
        });
    }

    /**
     * Starts the vehicle armed and already flying (or driving) a patrol loop in mission mode, at
     * {@code startDistanceM} along it: how the default fleet streams telemetry from the first second.
     */
    public void startPatrol(LoopPath loop, double altRelM, double startDistanceM) {
        patrol = new PatrolGuidance(loop, v.spec().flies() ? altRelM : 0, startDistanceM);
        double[] p = patrol.start();
        v.placeAt(p[0], p[1], patrol.altRelM());
        armed = true;
        wasAirborne = v.airborne();
        mode = FlightMode.MISSION;
    }

    /** The setpoint of this step, after the failsafes had their say. */
    public Setpoint step(long nowMs) {
        this.nowMs = nowMs;
        failsafes.check(nowMs);
        if (!armed) {
            return null;
        }
        return switch (mode) {
            case HOLD, POSCTL -> hold;
            case TAKEOFF -> {
                if (Math.abs(v.altitudeRelM() - hold.upM()) < 0.5) {
                    Setpoint target = hold;
                    setMode(FlightMode.HOLD);
                    hold = target;  // PX4 loiters at the takeoff altitude, not wherever it was when it got close
                }
                yield hold;
            }
            case LAND -> hold;
            case RTL -> {
                Setpoint sp = rtl.step(v, cruiseSpeed());
                if (sp == null && !v.spec().flies()) {
                    setMode(FlightMode.HOLD);
                }
                yield sp;
            }
            case OFFBOARD -> {
                if (v.flavour() != AutopilotFlavour.PX4) {
                    yield offboard; // ArduPilot GUIDED: the last destination, or stopped (null) before the first
                }
                if (!offboardFresh()) {
                    out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Offboard setpoints lost, holding");
                    setMode(FlightMode.HOLD);
                    yield hold;
                }
                yield offboard;
            }
            case MISSION -> missionSetpoint();
            case ORBIT -> orbit.step(v, nowMs, cruiseSpeed());
        };
    }

    private Setpoint missionSetpoint() {
        if (!mission.hasMission() && patrol != null) {
            return patrol.step(v, cruiseSpeed());
        }
        Setpoint sp = mission.step(nowMs);
        if (sp == null && mission.isComplete()) {
            setMode(FlightMode.HOLD);
            return hold;
        }
        return sp;
    }

    /** After the body moved: notices landing and disarms as PX4 does. */
    public void afterMotion() {
        boolean airborne = v.airborne();
        if (armed && wasAirborne && !airborne && v.spec().flies()) {
            landedAtMs = nowMs;
            out.statustext(MavSeverity.MAV_SEVERITY_INFO, "Landing detected");
        } else if (!wasAirborne && airborne) {
            out.statustext(MavSeverity.MAV_SEVERITY_INFO, "Takeoff detected");
        }
        wasAirborne = airborne;
        if (!armed || airborne || !v.spec().flies()) {
            return;
        }
        if (landedAtMs >= 0 && nowMs - landedAtMs >= DISARM_AFTER_LANDING_MS) {
            disarm("Disarmed by landing");
        } else if (landedAtMs < 0 && nowMs - armedAtMs >= DISARM_PREFLIGHT_MS && (mode == FlightMode.HOLD || mode == FlightMode.POSCTL)) {
            disarm("Disarmed by auto preflight disarming");
        }
    }

    void arm() {
        armed = true;
        armedAtMs = nowMs;
        landedAtMs = -1;
        hold = null;
        failsafes.onArmed();
        if (mode == FlightMode.MISSION) {
            mission.markActive();
        }
    }

    void disarm(String why) {
        armed = false;
        landedAtMs = -1;
        out.statustext(MavSeverity.MAV_SEVERITY_INFO, why);
    }

    /** Switches mode and sets up what the new mode flies. */
    void setMode(FlightMode m) {
        if (mode == FlightMode.MISSION && m != FlightMode.MISSION) {
            mission.markPaused();
        }
        mode = m;
        if (m != FlightMode.ORBIT) {
            orbit = null;
        }
        switch (m) {
            case HOLD, POSCTL -> hold = v.airborne() ? brakingPoint() : null;
            case TAKEOFF -> hold = Setpoint.goTo(v.eastM(), v.northM(), v.spec().takeoffAltRelM(), cruiseSpeed());
            case LAND -> hold = Setpoint.landAt(v.eastM(), v.northM(), cruiseSpeed());
            case RTL -> {
                double[] dest = returnDestination();
                rtl.begin(v, dest[0], dest[1]);
            }
            case MISSION -> {
                if (armed) {
                    mission.markActive();
                }
            }
            case OFFBOARD -> {
                if (v.flavour() != AutopilotFlavour.PX4) {
                    offboard = v.airborne() ? brakingPoint() : null; // GUIDED starts by holding where it is
                }
            }
            case ORBIT -> { }
        }
    }

    /**
     * ArduPilot's GUIDED to a destination (DO_REPOSITION, or a position target while in GUIDED): switches to GUIDED
     * if not there yet and drives (flies) to the point at {@code speedMps} (at or below 0: the waypoint speed),
     * capped at the vehicle's top speed, stopping there.
     */
    void guidedTo(double eastM, double northM, double altRelM, double speedMps) {
        if (mode != FlightMode.OFFBOARD) {
            setMode(FlightMode.OFFBOARD);
        }
        double speed = Math.min(speedMps > 0 ? speedMps : cruiseSpeed(), v.spec().maxSpeedMps());
        offboard = Setpoint.goTo(eastM, northM, v.spec().flies() ? Math.max(0, altRelM) : 0, speed);
    }

    /** True when an Offboard setpoint arrived within the last half second, as PX4 requires to enter and stay. */
    boolean offboardFresh() {
        return offboardAtMs >= 0 && nowMs - offboardAtMs <= OFFBOARD_SETPOINT_TIMEOUT_MS;
    }

    /** Where the vehicle comes to rest if it brakes now: PX4 holds there rather than turning back. */
    private Setpoint brakingPoint() {
        double speed = v.groundSpeedMps();
        double k = speed / (2 * v.spec().accelMps2());
        return Setpoint.goTo(v.eastM() + v.velocityEastMps() * k, v.northM() + v.velocityNorthMps() * k, v.altitudeRelM(),
                cruiseSpeed());
    }

    /** Takes off to {@code altRelM} above home. */
    void takeoff(double altRelM) {
        mode = FlightMode.TAKEOFF;
        hold = Setpoint.goTo(v.eastM(), v.northM(), altRelM, cruiseSpeed());
    }

    /** Flies to a point and holds there (DO_REPOSITION). */
    void reposition(double eastM, double northM, double altRelM, double speedMps) {
        setMode(FlightMode.HOLD);
        hold = Setpoint.goTo(eastM, northM, v.spec().flies() ? altRelM : 0, speedMps > 0 ? speedMps : cruiseSpeed());
    }

    /**
     * Circles a centre (DO_ORBIT) at {@code speedMps} along the circle, positive clockwise seen from above. A new orbit
     * while orbiting moves the centre smoothly instead of starting over; any other mode, a failsafe's included, ends it.
     */
    void orbit(double centreEastM, double centreNorthM, double altRelM, double radiusM, double speedMps) {
        if (mode == FlightMode.ORBIT && orbit != null) {
            orbit.retarget(centreEastM, centreNorthM, altRelM, radiusM, speedMps);
            return;
        }
        setMode(FlightMode.ORBIT);
        orbit = new OrbitGuidance(centreEastM, centreNorthM, altRelM, radiusM, speedMps);
    }

    /** The orbit being flown, or null. */
    OrbitGuidance orbitGuidance() {
        return orbit;
    }

    /** Home, or the nearest rally point if one is closer. */
    double[] returnDestination() {
        double bestE = v.homeEastM();
        double bestN = v.homeNorthM();
        double best = Math.hypot(bestE - v.eastM(), bestN - v.northM());
        for (MissionPlanItem r : store.items(MissionStore.RALLY)) {
            double e = v.frame().eastM(r.lonDeg());
            double n = v.frame().northM(r.latDeg());
            double d = Math.hypot(e - v.eastM(), n - v.northM());
            if (d < best) {
                best = d;
                bestE = e;
                bestN = n;
            }
        }
        return new double[] {bestE, bestN};
    }

    double cruiseSpeed() {
        return speedOverrideMps > 0 ? speedOverrideMps : v.spec().cruiseSpeedMps();
    }

    void setSpeedOverride(double mps) {
        speedOverrideMps = mps;
    }

    void pointCameraAt(RegionOfInterest spot) {
        roi = spot;
    }

    /** The camera no longer holds a spot: a pilot pointed the gimbal by hand. */
    public void clearRoi() {
        roi = null;
    }

    /** Where the camera was last told to look (DO_SET_ROI_LOCATION), or null: none since the last reboot. */
    public RegionOfInterest roi() {
        return roi;
    }

    /** The flight controller restarted: on the ground it comes up disarmed in Hold; in the air it holds. */
    public void reboot() {
        failsafes.reset();
        if (!v.airborne()) {
            armed = false;
        }
        mode = FlightMode.MISSION.equals(mode) && patrol != null && !mission.hasMission() ? FlightMode.MISSION : FlightMode.HOLD;
        orbit = null;
        roi = null;
        if (mode == FlightMode.HOLD) {
            hold = v.airborne() ? Setpoint.goTo(v.eastM(), v.northM(), v.altitudeRelM(), cruiseSpeed()) : null;
        }
        mission.markPaused();
    }

    public void onGcsHeartbeat(long atMs) {
        failsafes.onGcsHeartbeat(atMs);
    }

    /** MISSION_SET_CURRENT. */
    public void setMissionCurrent(int seq) {
        if (!mission.setCurrent(seq)) {
            out.statustext(MavSeverity.MAV_SEVERITY_WARNING, "Mission item " + seq + " does not exist");
        }
    }

    public boolean armed() {
        return armed;
    }

    public FlightMode mode() {
        return mode;
    }

    public int missionCurrentSeq() {
        return mission.current();
    }

    public MissionCurrent missionCurrentMessage() {
        return mission.missionCurrent();
    }

    public boolean hasFence() {
        return !fence.isEmpty();
    }

    public MavState systemStatus() {
        if (!armed) {
            return MavState.MAV_STATE_STANDBY;
        }
        return failsafes.active() ? MavState.MAV_STATE_CRITICAL : MavState.MAV_STATE_ACTIVE;
    }

    public SimVehicle vehicle() {
        return v;
    }

    long nowMs() {
        return nowMs;
    }
}
