package org.skyfleet.server.robot;

import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.escort.RobotTasking;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.patrol.PatrolParameters;
import org.skyfleet.server.mission.MissionControl;

/**
 * An unpaired robot's patrol: the planner's corridor patrol ({@link org.skyfleet.planner.patrol.PatrolLoop} on the
 * robot's corridor network) from where the robot stands, checked against the zones in force, then created, approved,
 * uploaded with the verified upload (read back, hash compared), the robot armed if it is not, and started, all as the
 * automation holding the robot's lease. A plan or upload that fails is journaled and not retried until the robot
 * is paired again.
 */
final class RobotPatrol {
    private static final Logger LOG = Logger.getLogger(RobotPatrol.class.getName());
    /** A patrol robot's driving speed on its loop, m/s: a brisk walk, as a kiosk robot drives among pedestrians. */
    static final double PATROL_SPEED_MPS = 1.5;
    /** Endurance the planner budgets with for a robot on a full charge, seconds (a kiosk robot's shift). */
    static final double ROBOT_ENDURANCE_S = 4 * 3600;

    private final Map<String, PatrolParameters> patrols;
    private final MissionControl missions;
    private final Supplier<Airspace> airspace;
    private final AuditJournal audit;
    private final MissionPlanner planner = new MissionPlanner();

    RobotPatrol(Map<String, PatrolParameters> patrols, MissionControl missions, Supplier<Airspace> airspace, AuditJournal audit) {
        this.patrols = patrols;
        this.missions = missions;
        this.airspace = airspace;
        this.audit = audit;
    }

    /** Whether the robot has no patrol configured. */
    boolean missing(String robotId) {
        return !patrols.containsKey(robotId);
    }

    /** Starts the patrol once, if one is configured and none runs. */
    void keepOn(RobotTasking t, RobotEscort.Run run, VehicleState s) {
        PatrolParameters p = patrols.get(t.robotVehicleId());
        if (p == null || run.patrolMissionId != null || run.patrolFailed) {
            return;
        }
        String id = t.robotVehicleId();
        try {
            GeoPoint here = new GeoPoint(s.position().latDeg(), s.position().lonDeg());
            GeoPoint home = s.home() == null ? here : new GeoPoint(s.home().latDeg(), s.home().lonDeg());
            double battery = s.battery() == null ? 100 : s.battery().remainingPercent();
            VehicleProfile v = new VehicleProfile(id, VehicleKind.GROUND_ROBOT, here, home, PATROL_SPEED_MPS, 1,
                    ROBOT_ENDURANCE_S, battery);
            Plan plan = planner.plan(PlanRequest.patrol(p, v, airspace.get()));
            Mission m = missions.create(RobotTaskings.OPERATOR, id, plan.routes().get(0), PATROL_SPEED_MPS);
            run.patrolMissionId = m.missionId();
            missions.approve(RobotTaskings.OPERATOR, m.missionId(), "robot " + id + " unpaired: patrol loop");
            run.busy = true;
            boolean armed = s.status().armed();
            missions.upload(RobotTaskings.OPERATOR, m.missionId()).thenCompose(up -> {
                if (up.state() != MissionState.UPLOADED) {
                    throw new IllegalStateException("patrol upload ended " + up.state());
                }
                // a robot that never moved beside its officer is still disarmed: a disarmed Rover does not drive
                return armed ? java.util.concurrent.CompletableFuture.completedFuture(null)
                        : missions.arm(RobotTaskings.OPERATOR, m.missionId()).thenApply(o -> {
                            if (!o.accepted()) {
                                throw new IllegalStateException("patrol arm refused: " + o.result() + " " + o.detail());
                            }
                            return o;
                        });
            }).thenCompose(armedNow -> missions.start(RobotTaskings.OPERATOR, m.missionId())).whenComplete((started, err) -> {
                run.busy = false;
                if (err != null) {
                    run.patrolFailed = true;
                    audit.append(RobotTaskings.OPERATOR.toString(), "robot patrol", id, m.missionId(), "FAILED: " + err.getMessage());
                } else {
                    audit.append(RobotTaskings.OPERATOR.toString(), "robot patrol", id, m.missionId() + " started",
                            String.valueOf(started.command().result()));
                }
            });
        } catch (RuntimeException e) {
            run.busy = false;
            run.patrolFailed = true;
            LOG.log(Level.INFO, "robot " + id + ": no patrol", e);
            audit.append(RobotTaskings.OPERATOR.toString(), "robot patrol", id, "not planned", "FAILED: " + e.getMessage());
        }
    }

    /** The patrol gives way to another job (docking): the mission ends without sending the robot anywhere. */
    void stop(RobotEscort.Run run, VehicleState s) {
        String missionId = run.patrolMissionId;
        run.patrolMissionId = null;
        if (missionId == null) {
            return;
        }
        try {
            missions.supersede(RobotTaskings.OPERATOR, missionId, "battery low: the robot docks");
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "patrol " + missionId + " of " + s.vehicleId() + " already over", e);
        }
    }
}
