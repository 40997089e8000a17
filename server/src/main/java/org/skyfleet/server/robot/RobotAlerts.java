package org.skyfleet.server.robot;

import java.time.Instant;

/**
 * Where a robot's stops and dockings are told to the command centre (the console's alert list). Codes, not
 * sentences: the console renders them in the reader's language.
 */
@FunctionalInterface
public interface RobotAlerts {

    /**
     * @param code     ROBOT_OFFICER_STALE, ROBOT_ZONE_REFUSED, ROBOT_LEASE_LOST, ROBOT_DOCKING, ROBOT_DOCKED, ROBOT_NO_DOCK
     * @param severity INFO, WARNING or CRITICAL
     * @param detail   the English detail, for the journal and for readers without the code's text
     */
    void raise(Instant at, String code, String severity, String robotVehicleId, String detail, double latDeg, double lonDeg);

    /** Tells no one: a node without a console. */
    static RobotAlerts none() {
        return (at, code, severity, robot, detail, lat, lon) -> { };
    }
}
