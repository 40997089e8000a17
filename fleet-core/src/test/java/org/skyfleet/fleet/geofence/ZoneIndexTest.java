package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.fleet.geofence.TestZones.at;
import static org.skyfleet.fleet.geofence.TestZones.circleExclusion;
import static org.skyfleet.fleet.geofence.TestZones.inclusion;
import static org.skyfleet.fleet.geofence.TestZones.rect;
import static org.skyfleet.fleet.geofence.TestZones.squareExclusion;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

class ZoneIndexTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final VehicleKind COPTER = VehicleKind.MULTICOPTER;

    private static List<ZoneBreach> check(ZoneIndex index, double eastM, double northM, double altRelM) {
        GeoPoint p = at(eastM, northM);
        return index.check("d1", COPTER, p.latDeg(), p.lonDeg(), altRelM, NOW);
    }

    private static List<BreachReason> reasons(ZoneIndex index, double eastM, double northM, double altRelM) {
        return check(index, eastM, northM, altRelM).stream().map(ZoneBreach::reason).toList();
    }

    @Test
    void squareExclusionEdgeInMetres() {
        ZoneIndex index = ZoneIndex.of(List.of(squareExclusion("sq", 0, 0, 100)));
        assertThat(reasons(index, 99.9, 0, 50)).containsExactly(BreachReason.INSIDE_EXCLUSION);
        assertThat(reasons(index, 100.1, 0, 50)).isEmpty();
        assertThat(reasons(index, 0, -99.9, 50)).containsExactly(BreachReason.INSIDE_EXCLUSION);
        assertThat(reasons(index, 0, -100.1, 50)).isEmpty();
    }

    @Test
    void circleExclusionEdgeInMetres() {
        ZoneIndex index = ZoneIndex.of(List.of(circleExclusion("c", 500, 500, 50)));
        assertThat(reasons(index, 500 + 49.9, 500, 10)).containsExactly(BreachReason.INSIDE_EXCLUSION);
        assertThat(reasons(index, 500 + 50.1, 500, 10)).isEmpty();
        assertThat(reasons(index, 500 + 35.3, 500 + 35.3, 10)).hasSize(1);
        assertThat(reasons(index, 500 + 35.4, 500 + 35.4, 10)).isEmpty();
    }

    @Test
    void aHoleIsNotPartOfTheZone() {
        GeoPolygon withHole = new GeoPolygon(rect(0, 0, 300, 300).outer(), List.of(rect(100, 100, 200, 200).outer()));
        ZoneIndex index = ZoneIndex.of(List.of(TestZones.exclusion("h", new ZoneShape.Polygon(withHole))));
        assertThat(reasons(index, 150, 150, 10)).isEmpty();
        assertThat(reasons(index, 99.9, 150, 10)).hasSize(1);
        assertThat(reasons(index, 100.1, 150, 10)).isEmpty();
    }

    @Test
    void exclusionAppliesOnlyWithinItsBand() {
        ZoneIndex index = ZoneIndex.of(List.of(squareExclusion("sq", 0, 0, 100).withBand(AltitudeBand.relative(50, 120))));
        assertThat(reasons(index, 0, 0, 49.9)).isEmpty();
        assertThat(reasons(index, 0, 0, 50)).hasSize(1);
        assertThat(reasons(index, 0, 0, 120)).hasSize(1);
        assertThat(reasons(index, 0, 0, 120.1)).isEmpty();
    }

    @Test
    void amslBandUsesAmslAltitudeAndCountsUnknownAsInside() {
        ZoneIndex index = ZoneIndex.of(List.of(squareExclusion("sq", 0, 0, 100).withBand(AltitudeBand.amsl(0, 150))));
        GeoPoint p = at(0, 0);
        assertThat(index.check("d1", COPTER, new FlightPoint(p.latDeg(), p.lonDeg(), 100, 150.1), NOW)).isEmpty();
        assertThat(index.check("d1", COPTER, new FlightPoint(p.latDeg(), p.lonDeg(), 200, 149.9), NOW)).hasSize(1);
        assertThat(index.check("d1", COPTER, p.latDeg(), p.lonDeg(), 500, NOW)).hasSize(1);
    }

    @Test
    void operatingAreaOutsideAboveAndBelow() {
        Zone area = inclusion("area", new ZoneShape.Polygon(rect(0, 0, 1000, 1000))).withBand(AltitudeBand.relative(0, 120));
        ZoneIndex index = ZoneIndex.of(List.of(area));
        assertThat(reasons(index, 500, 500, 119.9)).isEmpty();
        assertThat(reasons(index, 500, 500, 120.1)).containsExactly(BreachReason.ABOVE_CEILING);
        assertThat(reasons(index, 500, 500, -0.1)).containsExactly(BreachReason.BELOW_FLOOR);
        assertThat(reasons(index, 1000.1, 500, 50)).containsExactly(BreachReason.OUTSIDE_INCLUSION);
        assertThat(check(index, 1000.1, 500, 50).get(0).describe()).isEqualTo("outside the operating area 'area area' (area)");
    }

    @Test
    void beingInsideOneOperatingAreaIsEnough() {
        Zone low = inclusion("low", new ZoneShape.Polygon(rect(0, 0, 1000, 1000))).withBand(AltitudeBand.relative(0, 60));
        Zone high = inclusion("high", new ZoneShape.Polygon(rect(500, 0, 2000, 1000))).withBand(AltitudeBand.relative(0, 120));
        ZoneIndex index = ZoneIndex.of(List.of(low, high));
        assertThat(reasons(index, 700, 500, 100)).isEmpty();
        assertThat(reasons(index, 300, 500, 100)).containsExactly(BreachReason.ABOVE_CEILING);
        assertThat(check(index, 3000, 500, 10)).extracting(b -> b.zone().id()).containsExactlyInAnyOrder("low", "high");
    }

    @Test
    void zoneForOtherVehiclesOrKindsIsIgnored() {
        Zone roversOnly = squareExclusion("r", 0, 0, 100).withAppliesTo(ZoneApplicability.kinds(VehicleKind.GROUND_ROVER));
        Zone d7Only = squareExclusion("d7", 0, 0, 100).withAppliesTo(ZoneApplicability.vehicles("d7"));
        ZoneIndex index = ZoneIndex.of(List.of(roversOnly, d7Only));
        GeoPoint p = at(0, 0);
        assertThat(index.check("d1", COPTER, p.latDeg(), p.lonDeg(), 10, NOW)).isEmpty();
        assertThat(index.check("r1", VehicleKind.GROUND_ROVER, p.latDeg(), p.lonDeg(), 0, NOW))
                .extracting(b -> b.zone().id()).containsExactly("r");
        assertThat(index.check("d7", COPTER, p.latDeg(), p.lonDeg(), 10, NOW))
                .extracting(b -> b.zone().id()).containsExactly("d7");
    }

    @Test
    void scheduledZoneCountsOnlyWhenActive() {
        Zone evening = squareExclusion("ev", 0, 0, 100)
                .withSchedule(ZoneSchedule.Weekly.daily(LocalTime.of(18, 0), LocalTime.of(23, 0), "Europe/London"));
        ZoneIndex index = ZoneIndex.of(List.of(evening));
        GeoPoint p = at(0, 0);
        assertThat(index.check("d1", COPTER, p.latDeg(), p.lonDeg(), 10, Instant.parse("2026-11-27T17:59:59Z"))).isEmpty();
        assertThat(index.check("d1", COPTER, p.latDeg(), p.lonDeg(), 10, Instant.parse("2026-11-27T18:00:00Z"))).hasSize(1);
    }

    @Test
    void emptyIndexBreaksNothing() {
        assertThat(reasons(ZoneIndex.empty(), 0, 0, 0)).isEmpty();
    }
}
