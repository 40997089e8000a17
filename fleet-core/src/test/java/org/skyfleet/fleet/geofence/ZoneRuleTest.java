package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.fleet.geofence.TestZones.at;
import static org.skyfleet.fleet.geofence.TestZones.circleExclusion;
import static org.skyfleet.fleet.geofence.TestZones.squareExclusion;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

class ZoneRuleTest {
    private static final Zone SQUARE = squareExclusion("z1", 0, 0, 100);

    private static List<String> rulesBroken(Zone z) {
        return ZoneRule.checkAll(z).stream().map(ZoneViolation::rule).toList();
    }

    @Test
    void aPlainSquareAndCirclePassEveryRule() {
        assertThat(ZoneRule.checkAll(SQUARE)).isEmpty();
        assertThat(ZoneRule.checkAll(circleExclusion("c", 0, 0, 50))).isEmpty();
    }

    @Test
    void bowTieIsNotASimpleAreaAndTheMessageSaysWhere() {
        GeoPolygon bowTie = GeoPolygon.of(List.of(at(0, 0), at(100, 100), at(100, 0), at(0, 100)));
        List<ZoneViolation> v = ZoneRule.checkAll(SQUARE.withShape(new ZoneShape.Polygon(bowTie)));

        assertThat(v).extracting(ZoneViolation::rule).containsExactly("POLYGON_SIMPLE");
        assertThat(v.get(0).message()).contains("Self-intersection").contains("51.503");
    }

    @Test
    void ringOfTwoDistinctPointsIsRefused() {
        GeoPolygon line = GeoPolygon.of(List.of(at(0, 0), at(100, 0), at(0, 0)));
        assertThat(rulesBroken(SQUARE.withShape(new ZoneShape.Polygon(line)))).containsExactly("POLYGON_SIMPLE");
    }

    @Test
    void holeOutsideTheOuterRingIsRefused() {
        GeoPolygon p = new GeoPolygon(TestZones.rect(0, 0, 100, 100).outer(),
                List.of(TestZones.rect(200, 200, 210, 210).outer()));
        assertThat(rulesBroken(SQUARE.withShape(new ZoneShape.Polygon(p)))).containsExactly("POLYGON_SIMPLE");
    }

    @Test
    void floorJustBelowCeilingPassesAndAtOrAboveFails() {
        assertThat(rulesBroken(SQUARE.withBand(AltitudeBand.relative(100, 100.1)))).isEmpty();
        assertThat(rulesBroken(SQUARE.withBand(AltitudeBand.relative(100, 100)))).containsExactly("FLOOR_BELOW_CEILING");
        assertThat(ZoneRule.checkAll(SQUARE.withBand(AltitudeBand.amsl(100.1, 100))).get(0).message())
                .contains("floor 100.1 m is not below ceiling 100.0 m (AMSL)");
        assertThat(rulesBroken(SQUARE.withBand(AltitudeBand.relative(Double.NaN, 100))))
                .containsExactly("FLOOR_BELOW_CEILING");
    }

    @Test
    void circleRadiusJustAboveZeroPassesAndZeroNegativeOrNanFail() {
        assertThat(rulesBroken(circleExclusion("c", 0, 0, 0.001))).isEmpty();
        assertThat(rulesBroken(circleExclusion("c", 0, 0, 0))).containsExactly("CIRCLE_RADIUS_POSITIVE");
        assertThat(rulesBroken(circleExclusion("c", 0, 0, -1))).containsExactly("CIRCLE_RADIUS_POSITIVE");
        assertThat(rulesBroken(circleExclusion("c", 0, 0, Double.NaN))).containsExactly("CIRCLE_RADIUS_POSITIVE");
    }

    @Test
    void latitudeAndLongitudeLimitsAndNan() {
        assertThat(rulesBroken(circle(85, 179.99))).isEmpty();
        assertThat(rulesBroken(circle(85.0001, 0))).containsExactly("COORDINATES_IN_RANGE");
        assertThat(rulesBroken(circle(-85.0001, 0))).containsExactly("COORDINATES_IN_RANGE");
        assertThat(rulesBroken(circle(0, 180.0001))).containsExactly("COORDINATES_IN_RANGE");
        assertThat(ZoneRule.checkAll(circle(0, -180.0001)).get(0).message()).contains("longitude -180.0001");
        assertThat(ZoneRule.checkAll(circle(Double.NaN, 0)).get(0).message()).contains("must be numbers");
        assertThat(ZoneRule.checkAll(circle(120, 51)).get(0).message()).contains("swapped");
    }

    @Test
    void badVertexIsNamedAndThePolygonRuleDoesNotPileOn() {
        List<GeoPoint> ring = List.of(at(0, 0), at(100, 0), new GeoPoint(51.5, Double.NaN));
        List<ZoneViolation> v = ZoneRule.checkAll(SQUARE.withShape(new ZoneShape.Polygon(GeoPolygon.of(ring))));

        assertThat(v).extracting(ZoneViolation::rule).containsExactly("COORDINATES_IN_RANGE");
        assertThat(v.get(0).message()).startsWith("outer ring point 2");
    }

    @Test
    void weeklyWindowOfOneMinutePassesAndEmptyWindowOrNoDayFails() {
        assertThat(rulesBroken(SQUARE.withSchedule(
                ZoneSchedule.Weekly.daily(LocalTime.of(18, 0), LocalTime.of(18, 1), "Europe/London")))).isEmpty();
        assertThat(rulesBroken(SQUARE.withSchedule(
                ZoneSchedule.Weekly.daily(LocalTime.of(18, 0), LocalTime.of(18, 0), "Europe/London"))))
                .containsExactly("SCHEDULE_STARTS");
        assertThat(rulesBroken(SQUARE.withSchedule(new ZoneSchedule.Weekly(
                Set.<DayOfWeek>of(), LocalTime.of(18, 0), LocalTime.of(23, 0), "Europe/London"))))
                .containsExactly("SCHEDULE_STARTS");
    }

    @Test
    void absolutePeriodMustEndAfterItStarts() {
        Instant from = Instant.parse("2026-11-23T18:00:00Z");
        assertThat(rulesBroken(SQUARE.withSchedule(new ZoneSchedule.Between(from, from.plusMillis(1))))).isEmpty();
        assertThat(rulesBroken(SQUARE.withSchedule(new ZoneSchedule.Between(from, null)))).isEmpty();
        assertThat(rulesBroken(SQUARE.withSchedule(new ZoneSchedule.Between(from, from))))
                .containsExactly("SCHEDULE_STARTS");
        assertThat(ZoneRule.checkAll(SQUARE.withSchedule(new ZoneSchedule.Between(from, from.minusSeconds(60))))
                .get(0).message()).contains("ends (2026-11-23T17:59:00Z) before it starts");
    }

    @Test
    void unknownTimeZoneIsNamed() {
        Zone z = SQUARE.withSchedule(ZoneSchedule.Weekly.daily(LocalTime.of(18, 0), LocalTime.of(23, 0), "Mars/Olympus"));
        assertThat(ZoneRule.checkAll(z)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("TIME_ZONE_KNOWN");
            assertThat(v.message()).contains("'Mars/Olympus'").contains("Europe/London");
        });
    }

    @Test
    void zoneMustFitWithinOneHundredKilometres() {
        assertThat(rulesBroken(circleExclusion("c", 0, 0, 100_000))).isEmpty();
        assertThat(rulesBroken(circleExclusion("c", 0, 0, 100_001))).containsExactly("EXTENT_WITHIN_LIMIT");
        assertThat(rulesBroken(SQUARE.withShape(new ZoneShape.Polygon(
                GeoPolygon.of(List.of(at(0, 0), at(99_999, 0), at(0, 1_000))))))).isEmpty();
        assertThat(ZoneRule.checkAll(SQUARE.withShape(new ZoneShape.Polygon(
                GeoPolygon.of(List.of(at(0, 0), at(100_001, 0), at(0, 1_000)))))))
                .singleElement().satisfies(v -> assertThat(v.message()).startsWith("outer ring point 1 is 100001 m from point 0"));
        GeoPolygon acrossTheAntimeridian = GeoPolygon.of(List.of(
                new GeoPoint(-17, 179.9), new GeoPoint(-17, -179.9), new GeoPoint(-16.9, -179.9)));
        assertThat(rulesBroken(SQUARE.withShape(new ZoneShape.Polygon(acrossTheAntimeridian))))
                .containsExactly("EXTENT_WITHIN_LIMIT");
        // 20 km at 17 degrees south is 0.19 degrees of longitude
        assertThat(rulesBroken(SQUARE.withShape(new ZoneShape.Circle(new GeoPoint(-17, 179.9), 20_000))))
                .as("its box would wrap").containsExactly("EXTENT_WITHIN_LIMIT");
        assertThat(rulesBroken(SQUARE.withShape(new ZoneShape.Circle(new GeoPoint(-17, 179.7), 20_000)))).isEmpty();
    }

    @Test
    void blankIdIsRefused() {
        Zone z = new Zone(" ", null, SQUARE.shape(), ZoneKind.EXCLUSION, null, null, ZoneCategory.PRISON, null, null);
        assertThat(rulesBroken(z)).containsExactly("ID_PRESENT");
    }

    private static Zone circle(double latDeg, double lonDeg) {
        return circleExclusion("c", 0, 0, 10).withShape(new ZoneShape.Circle(new GeoPoint(latDeg, lonDeg), 10));
    }
}
