package org.skyfleet.server;

import org.skyfleet.proto.v1.VehicleRoute;
import org.skyfleet.proto.v1.Waypoint;
import org.skyfleet.proto.v1.WaypointAction;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * One drone on its pad and a long out-and-back mission for it: 12 items, 10 legs of 150 m at 8 m/s, about
 * 20 s of wall time at the scenario's 10x. Long enough to still be flying when a test stops a server.
 */
public final class LongRoute {
    public static final double HOME_LAT = 51.5034;
    public static final double HOME_LON = -0.1276;
    /** The drone's lost-link failsafe is 300 simulated s, so it flies on while the ground is away. */
    private static final String SCENARIO = """
            {"name": "long-route", "description": "one drone flying a long route", "seed": 5,
             "durationS": 3600, "timeScale": 10, "home": {"latDeg": 51.5034, "lonDeg": -0.1276}, "homeAltAmslM": 20,
             "area": [], "night": false, "canopyCover": 0,
             "wind": {"speedMps": 0, "fromDeg": 0, "gustMps": 0},
             "failsafe": {"batteryReturnPercent": 20, "batteryLandPercent": 8, "lostLinkTimeoutS": 300, "fenceAction": "HOLD"},
             "vehicles": [{"name": "long", "type": "MULTICOPTER", "camera": {"preset": "VISUAL", "falsePositivesPerMin": 0}}],
             "targets": [], "faults": []}
            """;

    private LongRoute() {
    }

    public static Scenario scenario() {
        return Scenario.parse(SCENARIO);
    }

    /** Take-off, ten legs north and back, return to launch, at 25 m. */
    public static VehicleRoute route(String vehicleId) {
        VehicleRoute.Builder route = VehicleRoute.newBuilder().setVehicleId(vehicleId)
                .addWaypoints(wp(0, WaypointAction.WAYPOINT_ACTION_TAKEOFF));
        for (int leg = 1; leg <= 10; leg++) {
            route.addWaypoints(wp(leg % 2 == 1 ? 150 : 0, WaypointAction.WAYPOINT_ACTION_NAVIGATE));
        }
        return route.addWaypoints(wp(0, WaypointAction.WAYPOINT_ACTION_RETURN_TO_LAUNCH)).build();
    }

    private static Waypoint wp(double northM, WaypointAction action) {
        return Waypoint.newBuilder().setLatDeg(HOME_LAT + northM / 111_320.0).setLonDeg(HOME_LON).setAltRelM(25)
                .setAction(action).build();
    }
}
