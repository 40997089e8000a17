package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;

/** The index answers exactly what a check of every zone one by one answers. */
class ZoneIndexPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final List<Zone> ZONES = RandomZones.city(800, 2_500, 42);
    private static final ZoneIndex INDEX = ZoneIndex.of(ZONES);
    private static final List<ZoneGeometry> ALL = ZONES.stream().map(ZoneGeometry::new).toList();

    @Property(tries = 300)
    void indexAgreesWithBruteForce(@ForAll @DoubleRange(min = -2_600, max = 2_600) double eastM,
                                   @ForAll @DoubleRange(min = -2_600, max = 2_600) double northM) {
        GeoPoint p = TestZones.at(eastM, northM);
        Set<String> expected = new HashSet<>();
        for (ZoneGeometry g : ALL) {
            if (g.zone().kind() == ZoneKind.EXCLUSION
                    && g.containsLocal(g.frame().toLocal(Ecef.of(p.latDeg(), p.lonDeg())))) {
                expected.add(g.zone().id());
            }
        }
        List<String> got = new ArrayList<>();
        INDEX.check("d1", VehicleKind.MULTICOPTER, p.latDeg(), p.lonDeg(), 50, NOW).forEach(b -> got.add(b.zone().id()));

        assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    }
}
