package org.skyfleet.fleet.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.fleet.geofence.TestZones.at;
import static org.skyfleet.fleet.geofence.TestZones.circleExclusion;
import static org.skyfleet.fleet.geofence.TestZones.inclusion;
import static org.skyfleet.fleet.geofence.TestZones.rect;
import static org.skyfleet.fleet.geofence.TestZones.squareExclusion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.command.MissionItem;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

class FenceItemsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static List<MissionItem> items(Zone... zones) {
        return FenceItems.forVehicle(List.of(zones), "d1", VehicleKind.MULTICOPTER, NOW);
    }

    @Test
    void operatingAreaWithAHoleIsAnInclusionPolygonAndAnExclusionPolygon() {
        List<GeoPoint> hole = new ArrayList<>(rect(100, 100, 200, 200).outer());
        hole.add(hole.get(0));  // closed ring: the repeated vertex is not sent
        Zone area = inclusion("a", new ZoneShape.Polygon(new GeoPolygon(rect(0, 0, 1000, 1000).outer(), List.of(hole))));

        List<MissionItem> items = items(area);

        assertThat(items).extracting(MissionItem::command).containsExactly(5001, 5001, 5001, 5001, 5002, 5002, 5002, 5002);
        assertThat(items).extracting(MissionItem::param1).containsOnly(4f);
        assertThat(items.get(0).xDegE7()).isEqualTo(MissionItem.degE7(at(0, 0).latDeg()));
        assertThat(items.get(0).yDegE7()).isEqualTo(MissionItem.degE7(at(0, 0).lonDeg()));
        assertThat(items).extracting(MissionItem::frame).containsOnly(0);
    }

    @Test
    void circleIsOneItemWithItsRadius() {
        assertThat(items(circleExclusion("c", 0, 0, 250.5))).singleElement().satisfies(i -> {
            assertThat(i.command()).isEqualTo(5004);
            assertThat(i.param1()).isEqualTo(250.5f);
        });
        assertThat(items(inclusion("ci", new ZoneShape.Circle(at(0, 0), 900)))).extracting(MissionItem::command)
                .containsExactly(5003);
    }

    @Test
    void holeOfANoFlyZoneIsDroppedAndZonesThatDoNotApplyAreLeftOut() {
        Zone withHole = TestZones.exclusion("h", new ZoneShape.Polygon(new GeoPolygon(rect(0, 0, 300, 300).outer(),
                List.of(rect(100, 100, 200, 200).outer()))));
        Zone rovers = squareExclusion("r", 0, 0, 10).withAppliesTo(ZoneApplicability.kinds(VehicleKind.GROUND_ROVER));
        Zone later = squareExclusion("l", 0, 0, 10).withSchedule(new ZoneSchedule.Between(NOW.plusSeconds(1), null));

        assertThat(items(withHole, rovers, later)).extracting(MissionItem::command).containsExactly(5002, 5002, 5002, 5002);
    }
}
