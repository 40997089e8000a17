package org.skyfleet.server.robot;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.PositionTargets;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.dispatch.GroundUnit;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.escort.EscortStep;
import org.skyfleet.fleet.escort.FollowOfficer;
import org.skyfleet.fleet.escort.OfficerLead;
import org.skyfleet.fleet.escort.RobotTasking;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * One tick of every tasked robot, 1-2 times a second on one thread. A paired robot:
 * <ol>
 *   <li>renews its control lease (the automation's); lost to someone else: it is left alone and the loss told once;</li>
 *   <li>asks {@link FollowOfficer} for the stand-off point behind where the officer will be at the next tick
 *       ({@link OfficerLead}: the last fix moved on by the officer's walk), and
 *       {@link StandOffClearance} whether the way there stays out of every exclusion zone;</li>
 *   <li>to move: arms it if disarmed, puts it in GUIDED with a first destination (GOTO, which ArduPilot Rover takes
 *       as MAV_CMD_DO_REPOSITION and enters GUIDED for) if it is not in GUIDED, and otherwise sends the point as a
 *       position target (SET_POSITION_TARGET_GLOBAL_INT);</li>
 *   <li>to stop for a stale fix or a zone: switches it to HOLD, telling the command centre once per stop;
 *       within the stand-off it stops by itself at its last destination.</li>
 * </ol>
 * An unpaired robot patrols ({@link RobotPatrol}) until its battery falls below the threshold, then docks
 * ({@link RobotDocking}). One command in flight per robot: a tick that finds one still waiting does nothing.
 */
final class RobotEscort {
    private static final Logger LOG = Logger.getLogger(RobotEscort.class.getName());
    /** ArduPilot Rover's mode names as the telemetry decodes them. */
    static final String GUIDED = "GUIDED";
    static final String HOLD = "HOLD";
    /** The furthest ahead of the officer's last fix a robot aims, metres: about two seconds of a brisk walk. */
    static final double MAX_LEAD_M = 3;

    /** What the loop knows of one robot between ticks; touched on the loop's thread, read by ListRobots. */
    static final class Run {
        volatile String escortState = "";
        volatile boolean busy;
        EscortStep.Reason stoppedFor;
        boolean leaseLost;
        boolean speedSet;
        boolean heldAfterUnpair;
        String patrolMissionId;
        String leadFor = "";
        OfficerLead lead;
        boolean patrolFailed;
        boolean dockSent;
        boolean noDockTold;
    }

    private final RobotConfig config;
    private final RobotTaskings taskings;
    private final VehicleRegistry registry;
    private final Supplier<Optional<UnitRoster>> roster;
    private final RobotCommands commands;
    private final PositionTargets targets;
    private final ControlLeases leases;
    private final Geofences zones;
    private final AuditJournal audit;
    private final InstantSource clock;
    private final RobotPatrol patrol;
    private final RobotDocking docking;
    private final StandOffClearance clearance;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile RobotAlerts alerts = RobotAlerts.none();
    /** Robots driving to an accepted dispatch offer ({@link RobotResponse}): their patrol or docking waits. */
    private volatile java.util.function.Predicate<String> responding = id -> false;

    RobotEscort(RobotConfig config, RobotTaskings taskings, VehicleRegistry registry, Supplier<Optional<UnitRoster>> roster,
                RobotCommands commands, PositionTargets targets, ControlLeases leases, Geofences zones, AuditJournal audit,
                InstantSource clock, RobotPatrol patrol) {
        this.config = config;
        this.taskings = taskings;
        this.registry = registry;
        this.roster = roster;
        this.commands = commands;
        this.targets = targets;
        this.leases = leases;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
        this.patrol = patrol;
        this.clearance = new StandOffClearance(config.clearanceM());
        this.docking = new RobotDocking(config, taskings, commands, leases, this::alert);
    }

    void alertsTo(RobotAlerts sink) {
        this.alerts = sink;
    }

    void pauseWhile(java.util.function.Predicate<String> respondingRobot) {
        this.responding = respondingRobot;
    }

    /** The escort state of a robot for ListRobots: MOVING, IN_STAND_OFF, OFFICER_STALE, TARGET_IN_EXCLUSION, or empty. */
    String escortState(String robotId) {
        Run r = runs.get(robotId);
        return r == null ? "" : r.escortState;
    }

    /**
     * Every tasked robot, once. Never throws: one robot's failure must not stop the others'. Only the node that holds
     * the records (the officers' positions) drives robots: in a cluster the others would hold every paired robot for
     * want of its officer.
     */
    void tick() {
        if (roster.get().isEmpty()) {
            return;
        }
        for (RobotTasking t : taskings.all()) {
            try {
                tick(t);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "robot " + t.robotVehicleId() + ": tick failed", e);
            }
        }
    }

    private void tick(RobotTasking t) {
        Run run = runs.computeIfAbsent(t.robotVehicleId(), id -> new Run());
        Optional<VehicleState> state = registry.find(t.robotVehicleId());
        if (state.isEmpty() || state.get().position() == null || run.busy || t.duty() == RobotTasking.Duty.DOCKED
                || responding.test(t.robotVehicleId())) {
            return;
        }
        VehicleState s = state.get();
        if (!renewLease(t, run, s)) {
            return;
        }
        switch (t.duty()) {
            case FOLLOWING -> follow(t, run, s);
            case PATROLLING -> {
                run.escortState = "";
                if (docking.due(s)) {
                    patrol.stop(run, s);
                    docking.begin(t, run, s);
                } else if (!run.heldAfterUnpair && patrol.missing(t.robotVehicleId())) {
                    run.heldAfterUnpair = true;
                    if (s.status().armed() && !HOLD.equals(s.status().flightMode())) {
                        commands.send(run, t.robotVehicleId(), VehicleCommand.hold(), "unpaired: stop beside the officer");
                    }
                } else {
                    patrol.keepOn(t, run, s);
                }
            }
            case DOCKING -> docking.drive(t, run, s);
            case DOCKED -> { }
        }
        if (t.duty() != RobotTasking.Duty.FOLLOWING) {
            run.stoppedFor = null;
            run.speedSet = false;
        } else {
            run.heldAfterUnpair = false;
            run.dockSent = false;
            run.patrolMissionId = null;
            run.patrolFailed = false;
        }
    }

    private boolean renewLease(RobotTasking t, Run run, VehicleState s) {
        try {
            leases.acquire(t.robotVehicleId(), RobotTaskings.OPERATOR, RobotTaskings.LEASE_TTL);
            run.leaseLost = false;
            return true;
        } catch (LeaseConflictException e) {
            if (!run.leaseLost) {
                run.leaseLost = true;
                alert(t.robotVehicleId(), "ROBOT_LEASE_LOST", "WARNING", "robot left alone: " + e.getMessage(), s);
            }
            run.escortState = "LEASE_LOST";
            return false;
        }
    }

    private void follow(RobotTasking t, Run run, VehicleState s) {
        String id = t.robotVehicleId();
        Instant now = clock.instant();
        GeoPoint robot = new GeoPoint(s.position().latDeg(), s.position().lonDeg());
        Optional<GroundUnit> officer = roster.get().flatMap(r -> r.find(t.unitId()));
        EscortStep step;
        if (officer.isEmpty()) {
            step = new EscortStep.Stop(EscortStep.Reason.OFFICER_STALE, "unit " + t.unitId() + " has no position on this node");
        } else {
            FollowOfficer rule = new FollowOfficer(t.standOffM(), 1, config.officerStaleAfter());
            if (run.lead == null || !run.leadFor.equals(t.unitId())) {
                run.lead = new OfficerLead(Math.min(t.standOffM(), MAX_LEAD_M), config.officerStaleAfter());
                run.leadFor = t.unitId();
            }
            GeoPoint expected = run.lead.expected(officer.get().position(), officer.get().lastReport(), now, config.followPeriod());
            step = rule.next(id, robot, expected, officer.get().lastReport(), now, zones.index());
            if (step instanceof EscortStep.MoveTo m) {
                Optional<String> refused = clearance.refusal(id, robot, m.target(), zones.index(), now);
                if (refused.isPresent()) {
                    step = new EscortStep.Stop(EscortStep.Reason.TARGET_IN_EXCLUSION, refused.get());
                }
            }
        }
        if (step instanceof EscortStep.MoveTo m) {
            run.escortState = "MOVING";
            run.stoppedFor = null;
            drive(t, run, s, m.target());
            return;
        }
        EscortStep.Stop stop = (EscortStep.Stop) step;
        run.escortState = stop.reason().name();
        if (stop.reason() == EscortStep.Reason.IN_STAND_OFF) {
            return;
        }
        if (s.status().armed() && !HOLD.equals(s.status().flightMode())) {
            commands.send(run, id, VehicleCommand.hold(), stop.reason() + ": " + stop.detail());
        }
        if (run.stoppedFor != stop.reason()) {
            run.stoppedFor = stop.reason();
            boolean zone = stop.reason() == EscortStep.Reason.TARGET_IN_EXCLUSION;
            alert(id, zone ? "ROBOT_ZONE_REFUSED" : "ROBOT_OFFICER_STALE", "WARNING",
                    "holding beside unit " + t.unitId() + ": " + stop.detail(), s);
            audit.append(RobotTaskings.OPERATOR.toString(), "robot hold", id, stop.detail(), stop.reason().name());
        }
    }

    /** Arm, then GUIDED with a first destination, then position targets: one step per tick. */
    private void drive(RobotTasking t, Run run, VehicleState s, GeoPoint target) {
        String id = t.robotVehicleId();
        if (!s.status().armed()) {
            commands.send(run, id, VehicleCommand.arm(), "paired with unit " + t.unitId());
            return;
        }
        if (!run.speedSet) {
            run.speedSet = true;
            commands.send(run, id, VehicleCommand.setSpeed(config.followSpeedMps()), "keep up with unit " + t.unitId());
            return;
        }
        if (!GUIDED.equals(s.status().flightMode())) {
            commands.send(run, id, VehicleCommand.goTo(target.latDeg(), target.lonDeg(), 0), "follow unit " + t.unitId());
            return;
        }
        targets.send(id, target.latDeg(), target.lonDeg(), 0);
    }

    private void alert(String robotId, String code, String severity, String detail, VehicleState s) {
        double lat = s.position() == null ? Double.NaN : s.position().latDeg();
        double lon = s.position() == null ? Double.NaN : s.position().lonDeg();
        try {
            alerts.raise(clock.instant(), code, severity, robotId, detail, lat, lon);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "robot alert " + code + " for " + robotId + " not raised", e);
        }
    }

    static String metres(double m) {
        return String.format(Locale.ROOT, "%.1f m", m);
    }
}
