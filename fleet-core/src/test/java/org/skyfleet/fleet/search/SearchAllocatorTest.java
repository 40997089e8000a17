package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

class SearchAllocatorTest {
    private static final GeoPoint LKP = ProbabilityMapTest.LKP;
    private static final ProbabilityMap MAP = ProbabilityMap.around(LKP,
            ProbabilityMapTest.STATS.forCategory(SubjectCategory.DEMENTIA));
    private static final List<SearchSegment> SEGMENTS = SearchSegments.of(MAP);
    private static final CameraModel CAMERA = new CameraModel(70, 60, 20);
    private final SearchAllocator allocator = new SearchAllocator();

    private static CandidateDrone drone(String id, double eastM, double northM, double usableS) {
        return new CandidateDrone(id, SearchFixtures.at(LKP, eastM, northM), usableS, 12, CAMERA, 40);
    }

    @Test
    void closeDroneTakesTheHighProbabilitySegment() {
        Allocation a = allocator.allocate(List.of(drone("d1", 1000, 0, 1500)), SEGMENTS, LKP, Airspace.OPEN);
        assertThat(a.unused()).isEmpty();
        DroneAssignment d1 = a.assignments().get(0);
        assertThat(d1.segment().id()).isEqualTo("E+0N+0");
        assertThat(d1.plan().routes()).hasSize(1);
        assertThat(d1.plan().metrics().coverageRatio()).isGreaterThan(0.99);
        assertThat(d1.pod()).isCloseTo(Detection.pod(d1.coverage()), within(1e-12));
        assertThat(a.expectedPos()).isCloseTo(d1.segment().probability() * d1.pod(), within(1e-12));
        assertThat(a.expectedPos()).isGreaterThan(0);
    }

    @Test
    void twoDronesTakeTwoDifferentSegmentsAndPosAdds() {
        Allocation a = allocator.allocate(List.of(drone("far", 3000, 0, 1800), drone("near", 500, 0, 1500)),
                SEGMENTS, LKP, Airspace.OPEN);
        assertThat(a.assignments()).extracting(DroneAssignment::droneId).containsExactly("near", "far");
        assertThat(a.assignments().get(0).segment().id()).isEqualTo("E+0N+0");
        assertThat(a.assignments().get(1).segment()).isNotEqualTo(a.assignments().get(0).segment());
        assertThat(a.expectedPos()).isCloseTo(
                a.assignments().stream().mapToDouble(DroneAssignment::expectedPos).sum(), within(1e-12));
    }

    @Test
    void exclusionZoneOverTheBestSegmentIsRespected() {
        GeoPolygon zonePolygon = SearchFixtures.square(LKP, 0, 0, 700);
        Airspace airspace = Airspace.OPEN.withExclusions(List.of(AirspaceZone.of("no-fly: prison", zonePolygon)));
        Allocation a = allocator.allocate(List.of(drone("d1", 1000, 0, 1500)), SEGMENTS, LKP, airspace);
        assertThat(a.assignments()).hasSize(1);
        DroneAssignment d1 = a.assignments().get(0);
        assertThat(d1.segment().id()).isNotEqualTo("E+0N+0");
        Geometry zone = LocalGeometry.project(List.of(zonePolygon), MAP.frame());
        for (Waypoint w : d1.plan().routes().get(0).waypoints()) {
            Coordinate c = MAP.frame().toLocal(new GeoPoint(w.latDeg(), w.lonDeg()));
            assertThat(zone.contains(SearchGrid.FACTORY.createPoint(c))).as("waypoint %s in the zone", c).isFalse();
        }
        assertThat(d1.plan().warnings()).noneMatch(v -> v.rule().equals("exclusion"));
    }

    @Test
    void droneWithTooLittleBatteryIsLeftOutWithTheReason() {
        Allocation a = allocator.allocate(List.of(drone("ok", 1000, 0, 1500), drone("short", 100, 0, 300),
                drone("far", 20_000, 20_000, 1500)), SEGMENTS, LKP, Airspace.OPEN);
        assertThat(a.assignments()).extracting(DroneAssignment::droneId).containsExactly("ok");
        assertThat(a.unused()).extracting(UnusedDrone::droneId, UnusedDrone::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("short", UnusedDrone.Reason.BATTERY),
                org.assertj.core.groups.Tuple.tuple("far", UnusedDrone.Reason.TOO_FAR));
        assertThat(a.unused()).allSatisfy(u -> assertThat(u.detail()).contains("usable"));
    }

    @Test
    void droneWithoutASegmentLeftSaysSo() {
        Allocation a = allocator.allocate(List.of(drone("a", 500, 0, 1500), drone("b", 600, 0, 1500)),
                SEGMENTS.subList(0, 1), LKP, Airspace.OPEN);
        assertThat(a.assignments()).extracting(DroneAssignment::droneId).containsExactly("a");
        assertThat(a.unused()).singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(UnusedDrone.Reason.NO_SEGMENT_LEFT));
    }
}
