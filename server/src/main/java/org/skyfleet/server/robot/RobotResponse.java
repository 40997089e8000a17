package org.skyfleet.server.robot;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * A robot whose dispatch offer was accepted drives to the scene. Each tick, every ground robot with an ACKNOWLEDGED
 * assignment: takes (renews) its control lease for the automation, as a pairing does; arms it, sets its speed, and
 * sends it GUIDED to the assignment's target (again whenever the target moves by more than {@link #RESEND_M}); within
 * {@link #ARRIVAL_M} it holds, reports the arrival to the dispatcher and gives the lease back. An assignment that ends
 * on the way (cancelled) stops the robot and gives the lease back. A straight way to the scene that crosses an
 * exclusion zone ({@link StandOffClearance}, as for a following robot) holds it there instead, journaled once. The state lives in the dispatcher's assignments,
 * which a restart resumes, so nothing else is persisted; while it responds, the robot's patrol waits
 * ({@link #responding}). A lease someone else holds leaves the robot alone, journaled once.
 */
final class RobotResponse {
    private static final Logger LOG = Logger.getLogger(RobotResponse.class.getName());
    /** Within this of the target the robot is at the scene, metres. */
    static final double ARRIVAL_M = 5;
    /** The target moved this far since it was sent: send it again, metres. */
    static final double RESEND_M = 3;

    private final VehicleRegistry registry;
    private final RobotCommands commands;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final double speedMps;
    private final java.util.function.Predicate<String> escortOwns;
    private final org.skyfleet.fleet.geofence.Geofences zones;
    private final java.time.InstantSource clock;
    private final StandOffClearance clearance;
    private final Map<String, RobotEscort.Run> runs = new ConcurrentHashMap<>();
    private final Map<String, GeoPoint> sentTo = new ConcurrentHashMap<>();
    private volatile Supplier<Optional<Dispatcher>> dispatcher = Optional::empty;

    /** @param escortOwns whether a robot is paired or docking: then the escort drives it and holds its lease, not this */
    RobotResponse(VehicleRegistry registry, RobotCommands commands, ControlLeases leases, AuditJournal audit, double speedMps,
                  java.util.function.Predicate<String> escortOwns, org.skyfleet.fleet.geofence.Geofences zones,
                  java.time.InstantSource clock, double clearanceM) {
        this.escortOwns = escortOwns;
        this.zones = zones;
        this.clock = clock;
        this.clearance = new StandOffClearance(clearanceM);
        this.registry = registry;
        this.commands = commands;
        this.leases = leases;
        this.audit = audit;
        this.speedMps = speedMps;
    }

    /** Where the assignments are: the node's records (empty on a node without them: then no robot responds here). */
    void dispatchFrom(Supplier<Optional<Dispatcher>> d) {
        this.dispatcher = d;
    }

    /** Whether the robot is on its way to an accepted assignment (its patrol waits meanwhile). */
    boolean responding(String robotId) {
        return runs.containsKey(robotId);
    }

    /** Every ground robot, once. Never throws: the loop it runs on drives the robots too. */
    void tick() {
        Optional<Dispatcher> d = dispatcher.get();
        if (d.isEmpty()) {
            return;
        }
        for (VehicleState s : registry.all()) {
            if (s.identity().kind() != VehicleKind.GROUND_ROVER || s.position() == null) {
                continue;
            }
            try {
                tick(d.get(), s);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "robot " + s.vehicleId() + ": response tick failed", e);
            }
        }
    }

    private void tick(Dispatcher d, VehicleState s) {
        String id = s.vehicleId();
        Optional<Assignment> accepted = d.currentFor(id).filter(a -> a.state() == AssignmentState.ACKNOWLEDGED);
        RobotEscort.Run run = runs.get(id);
        if (escortOwns.test(id)) {
            forget(id); // paired (or going to its dock) since: the escort has the robot and its lease
            return;
        }
        if (accepted.isEmpty()) {
            if (run != null && !run.busy) {
                end(run, s, "its assignment ended on the way");
            }
            return;
        }
        Assignment a = accepted.get();
        if (run == null) {
            run = new RobotEscort.Run();
            runs.put(id, run);
            audit.append(RobotTaskings.OPERATOR.toString(), "robot respond", id, "to " + a.assignmentId() + " incident "
                    + a.incidentId(), "OK");
        }
        if (run.busy || !renewLease(run, id, a)) {
            return;
        }
        GeoPoint here = new GeoPoint(s.position().latDeg(), s.position().lonDeg());
        double awayM = GreatCircle.distanceM(here, a.target());
        if (awayM <= ARRIVAL_M) {
            if (s.status().armed() && !RobotEscort.HOLD.equals(s.status().flightMode())) {
                commands.send(run, id, VehicleCommand.hold(), "at the scene of " + a.assignmentId() + ", " + RobotEscort.metres(awayM));
                return;
            }
            d.arrive(a.assignmentId(), id);
            audit.append(RobotTaskings.OPERATOR.toString(), "robot arrived", id, a.assignmentId() + " incident " + a.incidentId()
                    + ", " + RobotEscort.metres(awayM) + " from the target", "OK");
            leases.release(id, RobotTaskings.OPERATOR);
            forget(id);
            return;
        }
        Optional<String> refused = clearance.refusal(id, here, a.target(), zones.index(), clock.instant());
        if (refused.isPresent()) {
            // the straight way to the scene crosses an exclusion zone: stop and say so once, as a following robot does
            if (s.status().armed() && !RobotEscort.HOLD.equals(s.status().flightMode())) {
                commands.send(run, id, VehicleCommand.hold(), refused.get());
            }
            if (!run.leaseLost && run.stoppedFor == null) {
                run.stoppedFor = org.skyfleet.fleet.escort.EscortStep.Reason.TARGET_IN_EXCLUSION;
                audit.append(RobotTaskings.OPERATOR.toString(), "robot hold", id, "on the way to " + a.assignmentId() + ": "
                        + refused.get(), "TARGET_IN_EXCLUSION");
            }
            sentTo.remove(id);
            return;
        }
        run.stoppedFor = null;
        String why = String.format(Locale.ROOT, "to %s (incident %s), %.0f m away", a.assignmentId(), a.incidentId(), awayM);
        if (!s.status().armed()) {
            commands.send(run, id, VehicleCommand.arm(), why);
        } else if (!run.speedSet) {
            run.speedSet = true;
            commands.send(run, id, VehicleCommand.setSpeed(speedMps), why);
        } else if (!RobotEscort.GUIDED.equals(s.status().flightMode()) || !sentTo.containsKey(id)
                || GreatCircle.distanceM(sentTo.get(id), a.target()) > RESEND_M) {
            sentTo.put(id, a.target());
            commands.send(run, id, VehicleCommand.goTo(a.target().latDeg(), a.target().lonDeg(), 0), why);
        }
    }

    private boolean renewLease(RobotEscort.Run run, String id, Assignment a) {
        try {
            leases.acquire(id, RobotTaskings.OPERATOR, RobotTaskings.LEASE_TTL);
            run.leaseLost = false;
            return true;
        } catch (LeaseConflictException e) {
            if (!run.leaseLost) {
                run.leaseLost = true;
                audit.append(RobotTaskings.OPERATOR.toString(), "robot respond", id, "to " + a.assignmentId()
                        + ": left alone, " + e.getMessage(), "FAILED_PRECONDITION");
            }
            return false;
        }
    }

    /** Stops the robot if it is ours and moving, and lets it go whatever the hold's fate: its patrol must not wait on it. */
    private void end(RobotEscort.Run run, VehicleState s, String why) {
        String id = s.vehicleId();
        try {
            if (s.status().armed() && !RobotEscort.HOLD.equals(s.status().flightMode()) && leases.current(id)
                    .filter(l -> l.holder().equals(RobotTaskings.OPERATOR)).isPresent()) {
                commands.send(run, id, VehicleCommand.hold(), why);
            }
        } finally {
            leases.release(id, RobotTaskings.OPERATOR);
            forget(id);
        }
    }

    private void forget(String id) {
        runs.remove(id);
        sentTo.remove(id);
    }
}
