package org.skyfleet.server.robot;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.escort.FollowOfficer;
import org.skyfleet.fleet.escort.RobotTasking;
import org.skyfleet.fleet.escort.RobotTaskingStore;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;

/**
 * Pairs and unpairs robots: checks who asks and what for, takes the robot's control lease for the automation,
 * persists the tasking (a restart keeps it) and journals the change. What the robot then does is {@link RobotEscort}'s.
 */
public final class RobotTaskings {
    /** Whoever drives a tasked robot: the server's automation, holding the robot's lease. */
    public static final Operator OPERATOR = new Operator("robot-escort", Operator.Role.AUTOMATION);
    static final Duration LEASE_TTL = Duration.ofSeconds(60);
    public static final double DEFAULT_STAND_OFF_M = 3;

    private final RobotTaskingStore store;
    private final VehicleRegistry registry;
    private final Supplier<Optional<UnitRoster>> roster;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final InstantSource clock;

    public RobotTaskings(RobotTaskingStore store, VehicleRegistry registry, Supplier<Optional<UnitRoster>> roster,
                         ControlLeases leases, AuditJournal audit, InstantSource clock) {
        this.store = store;
        this.registry = registry;
        this.roster = roster;
        this.leases = leases;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Pairs {@code robotId} with {@code unitId} at {@code standOffM} (0: the default, 3 m).
     *
     * @throws IllegalArgumentException        a missing id or a stand-off outside 0..50 m
     * @throws NoSuchElementException           an unknown robot, or a unit that has never reported
     * @throws IllegalStateException            the vehicle is not a ground robot, or an officer pairs for another unit
     * @throws org.skyfleet.fleet.control.LeaseConflictException someone else holds the robot's lease
     */
    public synchronized RobotTasking pair(Operator caller, String robotId, String unitId, double standOffM) {
        require(robotId, "robot_vehicle_id");
        require(unitId, "unit_id");
        double standOff = standOffM == 0 ? DEFAULT_STAND_OFF_M : standOffM;
        if (!(standOff > 0 && standOff <= FollowOfficer.MAX_STAND_OFF_M)) {
            throw new IllegalArgumentException("stand_off_m must be above 0 and at most " + FollowOfficer.MAX_STAND_OFF_M
                    + " m, got " + standOffM);
        }
        if (caller.role() == Operator.Role.OFFICER && !caller.subject().equals(unitId)) {
            throw new io.grpc.StatusRuntimeException(io.grpc.Status.PERMISSION_DENIED.withDescription(
                    caller + " may pair a robot with their own unit only, not with '" + unitId + "'"));
        }
        robot(robotId);
        if (roster.get().flatMap(r -> r.find(unitId)).isEmpty()) {
            throw new NoSuchElementException("unit '" + unitId + "' has not reported a position: its officer's app must "
                    + "stream positions (DispatchService.ReportUnitPositions) before a robot can follow it");
        }
        try {
            leases.acquire(robotId, OPERATOR, LEASE_TTL);
        } catch (RuntimeException e) {
            audit.append(caller.toString(), "robot pair", robotId, "with " + unitId, "FAILED_PRECONDITION: " + e.getMessage());
            throw e;
        }
        RobotTasking t = RobotTasking.following(robotId, unitId, standOff, caller.toString(), clock.instant());
        store.save(t);
        audit.append(caller.toString(), "robot pair", robotId, String.format(java.util.Locale.ROOT,
                "with unit %s at %.1f m", unitId, standOff), "OK");
        return t;
    }

    /**
     * Ends a pairing: the robot goes on patrol.
     *
     * @throws NoSuchElementException an unknown robot
     * @throws IllegalStateException  the robot is not paired, or an officer unpairs another unit's robot
     */
    public synchronized RobotTasking unpair(Operator caller, String robotId) {
        require(robotId, "robot_vehicle_id");
        RobotTasking now = store.find(robotId).orElseThrow(() -> new NoSuchElementException(
                "robot '" + robotId + "' has never been paired"));
        if (now.duty() != RobotTasking.Duty.FOLLOWING) {
            throw new IllegalStateException("robot '" + robotId + "' is not paired: it is " + now.duty());
        }
        if (caller.role() == Operator.Role.OFFICER && !caller.subject().equals(now.unitId())) {
            throw new io.grpc.StatusRuntimeException(io.grpc.Status.PERMISSION_DENIED.withDescription(
                    caller + " may unpair their own robot only; " + robotId + " follows '" + now.unitId() + "'"));
        }
        RobotTasking t = now.with(RobotTasking.Duty.PATROLLING, caller.toString(), clock.instant());
        store.save(t);
        audit.append(caller.toString(), "robot unpair", robotId, "from unit " + now.unitId(), "OK");
        return t;
    }

    /** Moves a robot to another duty on its own (docking, docked), journaled as the automation's. */
    synchronized RobotTasking advance(String robotId, RobotTasking.Duty from, RobotTasking.Duty to, String why) {
        Optional<RobotTasking> now = store.find(robotId);
        if (now.isEmpty() || now.get().duty() != from) {
            return now.orElse(null);
        }
        RobotTasking t = now.get().with(to, OPERATOR.toString(), clock.instant());
        store.save(t);
        audit.append(OPERATOR.toString(), "robot " + to.name().toLowerCase(java.util.Locale.ROOT), robotId, why, "OK");
        return t;
    }

    public List<RobotTasking> all() {
        return store.loadAll();
    }

    public Optional<RobotTasking> find(String robotId) {
        return store.find(robotId);
    }

    private VehicleState robot(String robotId) {
        VehicleState s = registry.find(robotId).orElseThrow(() -> new NoSuchElementException("no vehicle '" + robotId + "'"));
        if (s.identity().kind() != VehicleKind.GROUND_ROVER) {
            throw new IllegalStateException(robotId + " is a " + s.identity().kind() + ", not a ground robot: only ground "
                    + "robots walk beside officers");
        }
        return s;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }
}
