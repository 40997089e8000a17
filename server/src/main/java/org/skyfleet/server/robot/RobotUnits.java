package org.skyfleet.server.robot;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.fleet.escort.RobotTasking;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Puts the ground robots on the dispatch roster as {@link UnitType#GROUND_ROBOT} units, as an officer's app puts its
 * officer: each tick, every ground robot with a position is reported at that position, AVAILABLE when it is idle and
 * BUSY otherwise, so the dispatcher offers an idle robot near a track like a unit (after every free person's unit,
 * {@link org.skyfleet.fleet.dispatch.Dispatcher}). Idle: not paired, not docking or docked, and charged above
 * {@link RobotConfig#dockBelowPercent()} (an unknown charge is not idle: the robot might be sent off flat). The report
 * time is the position's, so a robot whose telemetry stopped goes stale on the roster like a silent phone.
 * On a node without the records there is no roster and nothing is reported.
 */
final class RobotUnits {
    private static final Logger LOG = Logger.getLogger(RobotUnits.class.getName());

    private final RobotTaskings taskings;
    private final VehicleRegistry registry;
    private final Supplier<Optional<UnitRoster>> roster;
    private final double dockBelowPercent;

    RobotUnits(RobotTaskings taskings, VehicleRegistry registry, Supplier<Optional<UnitRoster>> roster, double dockBelowPercent) {
        this.taskings = taskings;
        this.registry = registry;
        this.roster = roster;
        this.dockBelowPercent = dockBelowPercent;
    }

    /** Every ground robot, once. Never throws: the loop it runs on drives the robots too. */
    void report() {
        Optional<UnitRoster> r = roster.get();
        if (r.isEmpty()) {
            return;
        }
        for (VehicleState s : registry.all()) {
            if (s.identity().kind() != VehicleKind.GROUND_ROVER || s.position() == null) {
                continue;
            }
            try {
                r.get().report(s.vehicleId(), UnitType.GROUND_ROBOT, "robot " + s.vehicleId(),
                        new GeoPoint(s.position().latDeg(), s.position().lonDeg()), 0,
                        idle(s) ? UnitStatus.AVAILABLE : UnitStatus.BUSY, s.position().receivedAt());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "robot " + s.vehicleId() + " not put on the roster", e);
            }
        }
    }

    /** Unpaired (never paired, or patrolling), and charged above the dock threshold. */
    boolean idle(VehicleState s) {
        boolean untasked = taskings.find(s.vehicleId()).map(t -> t.duty() == RobotTasking.Duty.PATROLLING).orElse(true);
        return untasked && s.battery() != null && s.battery().remainingPercent() > dockBelowPercent;
    }
}
