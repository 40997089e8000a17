package org.skyfleet.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

class CommandAirspaceCheckTest {
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;
    /** A 40 m square no-fly zone whose west edge is 100 m east of the centre, from the ground to 300 m. */
    private static final AirspaceZone STADIUM = new AirspaceZone("stadium", GeoPolygon.of(List.of(
            at(-20, 100), at(-20, 140), at(20, 140), at(20, 100))), 0, 300);
    private final CommandAirspaceCheck check = new CommandAirspaceCheck(
            () -> new Airspace(List.of(), List.of(STADIUM), 0, 120));

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(LAT + northM / 111_320.0, LON + eastM / (111_320.0 * Math.cos(Math.toRadians(LAT))));
    }

    @Test
    void anOrbitIsRefusedWhenItsCircleReachesAZoneAndAllowedJustShortOfIt() {
        assertThat(check.refusal(VehicleCommand.orbit(LAT, LON, 40, 99, 5))).isEmpty();
        assertThat(check.refusal(VehicleCommand.orbit(LAT, LON, 40, 101, 5)))
                .hasValueSatisfying(why -> assertThat(why).contains("orbit", "stadium"));
    }

    @Test
    void anOrbitWhoseDiscHoldsAZoneIsRefusedThoughItsCentreIsOutside() {
        GeoPoint centre = at(0, 60);   // 40 m west of the zone, the zone inside a 120 m circle
        assertThat(check.refusal(VehicleCommand.orbit(centre.latDeg(), centre.lonDeg(), 40, 120, 5))).isPresent();
    }

    @Test
    void anOrbitAboveTheZonesBandPassesAndAboveTheCeilingIsRefused() {
        Airspace low = new Airspace(List.of(), List.of(new AirspaceZone("crane", STADIUM.polygon(), 0, 30)), 0, 120);
        CommandAirspaceCheck lowZone = new CommandAirspaceCheck(() -> low);
        assertThat(lowZone.refusal(VehicleCommand.orbit(LAT, LON, 31, 120, 5))).isEmpty();
        assertThat(lowZone.refusal(VehicleCommand.orbit(LAT, LON, 30, 120, 5))).isPresent();

        assertThat(check.refusal(VehicleCommand.orbit(LAT, LON, 120, 20, 5))).isEmpty();
        assertThat(check.refusal(VehicleCommand.orbit(LAT, LON, 120.5, 20, 5)))
                .hasValueSatisfying(why -> assertThat(why).contains("ceiling"));
    }

    @Test
    void goToIsStillCheckedAtItsTarget() {
        GeoPoint inside = at(0, 120);
        assertThat(check.refusal(VehicleCommand.goTo(inside.latDeg(), inside.lonDeg(), 40)))
                .hasValue("target is inside exclusion zone 'stadium'");
        assertThat(check.refusal(VehicleCommand.goTo(LAT, LON, 40))).isEmpty();
    }
}
