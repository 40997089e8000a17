package org.skyfleet.server.robot;

import java.util.Optional;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.escort.RobotTasking;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * An unpaired robot's way home: below {@link RobotConfig#dockBelowPercent()} it drives to its kiosk dock (the dock
 * configured for it, else its home position, where it was switched on), and within {@link RobotConfig#dockArrivalM()}
 * of it holds, disarms, is DOCKED and gives its lease back. Charging is the dock's business, not this class's.
 */
final class RobotDocking {
    /** Tells the command centre: robot, code, severity, detail, state. */
    interface Teller {
        void tell(String robotId, String code, String severity, String detail, VehicleState s);
    }

    private final RobotConfig config;
    private final RobotTaskings taskings;
    private final RobotCommands commands;
    private final ControlLeases leases;
    private final Teller teller;

    RobotDocking(RobotConfig config, RobotTaskings taskings, RobotCommands commands, ControlLeases leases, Teller teller) {
        this.config = config;
        this.taskings = taskings;
        this.commands = commands;
        this.leases = leases;
        this.teller = teller;
    }

    /** Whether the robot's battery is below the threshold (an unknown charge is not). */
    boolean due(VehicleState s) {
        return s.battery() != null && s.battery().remainingPercent() >= 0
                && s.battery().remainingPercent() < config.dockBelowPercent();
    }

    void begin(RobotTasking t, RobotEscort.Run run, VehicleState s) {
        String why = String.format(java.util.Locale.ROOT, "battery %.0f %% is below %.0f %%: back to the kiosk dock",
                s.battery().remainingPercent(), config.dockBelowPercent());
        taskings.advance(t.robotVehicleId(), RobotTasking.Duty.PATROLLING, RobotTasking.Duty.DOCKING, why);
        run.dockSent = false;
        teller.tell(t.robotVehicleId(), "ROBOT_DOCKING", "INFO", why, s);
    }

    /** The robot's kiosk dock: configured, else its home position; empty when neither is known. */
    Optional<GeoPoint> dockOf(VehicleState s) {
        GeoPoint configured = config.docks().get(s.vehicleId());
        if (configured != null) {
            return Optional.of(configured);
        }
        return s.home() == null ? Optional.empty() : Optional.of(new GeoPoint(s.home().latDeg(), s.home().lonDeg()));
    }

    void drive(RobotTasking t, RobotEscort.Run run, VehicleState s) {
        String id = t.robotVehicleId();
        Optional<GeoPoint> dock = dockOf(s);
        if (dock.isEmpty()) {
            if (!run.noDockTold) {
                run.noDockTold = true;
                teller.tell(id, "ROBOT_NO_DOCK", "WARNING", "no dock configured and no home position known: holding", s);
                if (s.status().armed()) {
                    commands.send(run, id, VehicleCommand.hold(), "no dock known");
                }
            }
            return;
        }
        double d = GreatCircle.distanceM(new GeoPoint(s.position().latDeg(), s.position().lonDeg()), dock.get());
        run.escortState = "";
        if (d <= config.dockArrivalM()) {
            if (s.status().armed() && !RobotEscort.HOLD.equals(s.status().flightMode())) {
                commands.send(run, id, VehicleCommand.hold(), "at the dock, " + RobotEscort.metres(d) + " from it");
            } else if (s.status().armed()) {
                commands.send(run, id, VehicleCommand.disarm(), "at the dock, " + RobotEscort.metres(d) + " from it");
            } else {
                taskings.advance(id, RobotTasking.Duty.DOCKING, RobotTasking.Duty.DOCKED, "at the dock, "
                        + RobotEscort.metres(d) + " from it");
                leases.release(id, RobotTaskings.OPERATOR);
                teller.tell(id, "ROBOT_DOCKED", "INFO", "docked " + RobotEscort.metres(d) + " from the dock", s);
            }
            return;
        }
        if (!s.status().armed()) {
            commands.send(run, id, VehicleCommand.arm(), "drive back to the dock");
        } else if (!run.dockSent || !RobotEscort.GUIDED.equals(s.status().flightMode())) {
            run.dockSent = true;
            commands.send(run, id, VehicleCommand.goTo(dock.get().latDeg(), dock.get().lonDeg(), 0),
                    "back to the dock, " + RobotEscort.metres(d) + " away");
        }
    }
}
