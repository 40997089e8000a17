package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.coverage.CameraModel;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.planner.geo.GeoPoint;

class SortieAllocatorTest {
    private static final GeoPoint LKP = new GeoPoint(53.385, -1.873);
    private static final ProbabilityMap MAP = ProbabilityMap.around(LKP,
            LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA));
    private static final CameraModel CAMERA = new CameraModel(50, 60, 10);
    private final SortieAllocator allocator = new SortieAllocator();

    private static CandidateDrone drone(String id, double usableS) {
        return new CandidateDrone(id, SearchFixtures.at(LKP, 400, 300), usableS, 8, CAMERA, 0.6 * CAMERA.footprintWidthM());
    }

    @Test
    void aFullBatteryGetsSeveralSegmentsJoinedIntoOneMissionWithinItsBudget() {
        SortieAssignment s = allocator.allocate(drone("d1", 1200), MAP, Set.of(), SortieAllocator.DEFAULT_SEGMENT_SIDE_M,
                Airspace.OPEN).orElseThrow();
        assertThat(s.legs()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(s.estimatedFlightS()).isLessThanOrEqualTo(1200 - ReservePolicy.DEFAULT.reserveS(1200));
        assertThat(s.estimatedFlightS()).as("the battery is used").isGreaterThan(0.7 * (1200 - ReservePolicy.DEFAULT.reserveS(1200)));
        assertThat(s.route().get(0).action()).isEqualTo(WaypointAction.TAKEOFF);
        assertThat(s.route().stream().filter(w -> w.action() == WaypointAction.TAKEOFF).count()).isEqualTo(1);
        assertThat(s.route().get(s.route().size() - 1).action()).isIn(WaypointAction.RETURN_TO_LAUNCH, WaypointAction.LAND);
        assertThat(s.expectedPos()).isEqualTo(s.legs().stream().mapToDouble(DroneAssignment::expectedPos).sum());
        // the densest segment (the one on the last known point) is in the first drone's sortie
        assertThat(s.segmentIds()).contains("E+0N+0");
    }

    @Test
    void segmentsAnotherDroneHoldsAreLeftOutAndTwoDronesNeverShareOne() {
        List<SortieAssignment> both = allocator.allocate(List.of(drone("d1", 1200), drone("d2", 1200)), MAP, Set.of("E+0N+0"),
                SortieAllocator.DEFAULT_SEGMENT_SIDE_M, Airspace.OPEN);
        assertThat(both).hasSize(2);
        List<String> ids = both.stream().flatMap(s -> s.segmentIds().stream()).toList();
        assertThat(ids).doesNotContain("E+0N+0").doesNotHaveDuplicates();
    }

    @Test
    void aSearchedSegmentLosesItsPlaceToUnsearchedOnes() {
        SortieAssignment first = allocator.allocate(drone("d1", 1200), MAP, Set.of(), SortieAllocator.DEFAULT_SEGMENT_SIDE_M,
                Airspace.OPEN).orElseThrow();
        ProbabilityMap after = MAP;
        for (DroneAssignment leg : first.legs()) {
            after = after.applySearchEffort(List.of(leg.segment().area()), 300, CAMERA.sweepWidthM());
        }
        SortieAssignment next = allocator.allocate(drone("d1", 1200), after, Set.of(), SortieAllocator.DEFAULT_SEGMENT_SIDE_M,
                Airspace.OPEN).orElseThrow();
        assertThat(next.segmentIds()).doesNotContainAnyElementsOf(first.segmentIds());
    }

    @Test
    void withZonesInTheAirspaceASortieIsOneLegThePlannerRoutedAndATinyBatteryGetsNone() {
        AirspaceZone zone = AirspaceZone.of("school", SearchFixtures.square(LKP, 3000, 3000, 200));
        SortieAssignment s = allocator.allocate(drone("d1", 1200), MAP, Set.of(), SortieAllocator.DEFAULT_SEGMENT_SIDE_M,
                Airspace.OPEN.withExclusions(List.of(zone))).orElseThrow();
        assertThat(s.legs()).hasSize(1);
        assertThat(allocator.allocate(drone("d1", 60), MAP, Set.of(), SortieAllocator.DEFAULT_SEGMENT_SIDE_M, Airspace.OPEN))
                .isEmpty();
    }
}
