package org.skyfleet.server.robot;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.patrol.PatrolParameters;

/**
 * How robots follow, patrol and dock.
 *
 * @param officerStaleAfter an officer's position older than this stops the robot (10 s: a phone reports every 1-5 s)
 * @param followPeriod      how often a paired robot gets a new position target: 0.5..1 s (1-2 Hz)
 * @param followSpeedMps    the speed a paired robot drives at to keep up (set once when paired), m/s, &gt; 0; the
 *                          robot's autopilot caps it at its own top speed
 * @param clearanceM        how far from an exclusion zone a target (and the straight drive to it) must stay, metres,
 *                          &gt;= 0: the robot's braking distance, so that stopping short never stops inside
 * @param dockBelowPercent  an unpaired robot below this charge drives back to its dock, percent 0..100
 * @param dockArrivalM      within this distance of its dock a robot has arrived, metres, &gt; 0
 * @param docks             each robot's kiosk dock by vehicle id; a robot not listed docks at its home position (where
 *                          it was switched on: its kiosk)
 * @param patrols           each robot's patrol (checkpoints on the corridor network), by vehicle id; a robot not
 *                          listed waits where it was unpaired
 */
public record RobotConfig(Duration officerStaleAfter, Duration followPeriod, double followSpeedMps, double clearanceM,
                          double dockBelowPercent, double dockArrivalM, Map<String, GeoPoint> docks,
                          Map<String, PatrolParameters> patrols) {
    public RobotConfig {
        Objects.requireNonNull(officerStaleAfter, "officerStaleAfter");
        Objects.requireNonNull(followPeriod, "followPeriod");
        docks = docks == null ? Map.of() : Map.copyOf(docks);
        patrols = patrols == null ? Map.of() : Map.copyOf(patrols);
        if (officerStaleAfter.isNegative() || officerStaleAfter.isZero()) {
            throw new IllegalArgumentException("officerStaleAfter must be above 0, got " + officerStaleAfter);
        }
        if (followPeriod.toMillis() < 500 || followPeriod.toMillis() > 1000) {
            throw new IllegalArgumentException("followPeriod must be 0.5..1 s (1-2 Hz), got " + followPeriod);
        }
        if (!(followSpeedMps > 0 && followSpeedMps <= 20)) {
            throw new IllegalArgumentException("followSpeedMps must be above 0 and at most 20, got " + followSpeedMps);
        }
        if (!(clearanceM >= 0 && clearanceM <= 50)) {
            throw new IllegalArgumentException("clearanceM must be 0..50, got " + clearanceM);
        }
        if (!(dockBelowPercent >= 0 && dockBelowPercent <= 100)) {
            throw new IllegalArgumentException("dockBelowPercent must be 0..100, got " + dockBelowPercent);
        }
        if (!(dockArrivalM > 0 && dockArrivalM <= 100)) {
            throw new IllegalArgumentException("dockArrivalM must be above 0 and at most 100, got " + dockArrivalM);
        }
    }

    /** 10 s staleness, 2 Hz, 2.5 m/s, 1.5 m clearance, dock below 25 %, arrived within 2 m; docks at home, no patrols. */
    public static RobotConfig defaults() {
        return new RobotConfig(Duration.ofSeconds(10), Duration.ofMillis(500), 2.5, 1.5, 25, 2, Map.of(), Map.of());
    }

    public RobotConfig withOfficerStaleAfter(Duration d) {
        return new RobotConfig(d, followPeriod, followSpeedMps, clearanceM, dockBelowPercent, dockArrivalM, docks, patrols);
    }

    public RobotConfig withDockBelowPercent(double percent) {
        return new RobotConfig(officerStaleAfter, followPeriod, followSpeedMps, clearanceM, percent, dockArrivalM, docks, patrols);
    }

    public RobotConfig withDock(String robotVehicleId, GeoPoint dock) {
        Map<String, GeoPoint> next = new java.util.HashMap<>(docks);
        next.put(robotVehicleId, dock);
        return new RobotConfig(officerStaleAfter, followPeriod, followSpeedMps, clearanceM, dockBelowPercent, dockArrivalM, next, patrols);
    }

    public RobotConfig withPatrol(String robotVehicleId, PatrolParameters patrol) {
        Map<String, PatrolParameters> next = new java.util.HashMap<>(patrols);
        next.put(robotVehicleId, patrol);
        return new RobotConfig(officerStaleAfter, followPeriod, followSpeedMps, clearanceM, dockBelowPercent, dockArrivalM, docks, next);
    }
}
