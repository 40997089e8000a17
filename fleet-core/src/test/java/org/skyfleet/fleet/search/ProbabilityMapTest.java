package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;

class ProbabilityMapTest {
    static final GeoPoint LKP = new GeoPoint(57.15, -2.10);
    static final LostPersonStatistics STATS = LostPersonStatistics.bundled();

    @Test
    void poaAndOutsideSumToOneForEveryBundledRow() {
        for (DistanceQuantiles q : STATS.all()) {
            ProbabilityMap map = ProbabilityMap.around(LKP, q);
            assertThat(map.grid().cellCount()).isLessThanOrEqualTo(40_000);
            assertThat(map.probabilityOutsideMap()).isGreaterThan(0).isLessThan(0.05);
            assertThat(map.probabilityInsideMap() + map.probabilityOutsideMap()).isCloseTo(1, within(1e-9));
            assertThat(map.grid().halfWidthM()).isGreaterThanOrEqualTo(1.5 * q.p95Km() * 1000);
        }
    }

    @Test
    void dementiaMapReproducesThePublishedQuantiles() {
        for (DistanceQuantiles q : List.of(STATS.forCategory(SubjectCategory.DEMENTIA),
                STATS.forCategory(SubjectCategory.DEMENTIA, "temperate-flat"))) {
            ProbabilityMap map = ProbabilityMap.around(LKP, q);
            assertThat(map.massWithinM(q.p25Km() * 1000)).as("p25 " + q.terrain()).isCloseTo(0.25, within(0.03));
            assertThat(map.massWithinM(q.p50Km() * 1000)).as("p50 " + q.terrain()).isCloseTo(0.50, within(0.03));
            assertThat(map.massWithinM(q.p75Km() * 1000)).as("p75 " + q.terrain()).isCloseTo(0.75, within(0.03));
            assertThat(map.massWithinM(q.p95Km() * 1000)).as("p95 " + q.terrain()).isCloseTo(0.95, within(0.03));
        }
    }

    @Test
    void cellNextToTheLastKnownPointHoldsMoreThanAFarCell() {
        ProbabilityMap map = ProbabilityMap.around(LKP, STATS.forCategory(SubjectCategory.CHILD_1_3));
        int mid = map.grid().cols() / 2;
        assertThat(map.poa(mid, mid)).isGreaterThan(map.poa(mid + 5, mid)).isGreaterThan(map.poa(mid + 20, mid));
        assertThat(map.poa(mid + 5, mid)).isCloseTo(map.poa(mid, mid - 5), within(1e-12));
    }

    @Test
    void lakeGetsNoProbabilityAndTheRestIsRenormalised() {
        ProbabilityMap map = ProbabilityMap.around(LKP, STATS.forCategory(SubjectCategory.CHILD_4_6));
        GeoPolygon lake = SearchFixtures.square(LKP, 300, 0, 400);
        ProbabilityMap dry = map.withExclusions(List.of(lake));
        SearchGrid g = map.grid();
        int lakeCol = g.colOf(300), lakeRow = g.rowOf(0);
        assertThat(dry.poa(lakeCol, lakeRow)).isZero();
        int mid = g.cols() / 2;
        assertThat(dry.poa(mid, mid)).isGreaterThan(map.poa(mid, mid));
        assertThat(dry.probabilityInsideMap() + dry.probabilityOutsideMap()).isCloseTo(1, within(1e-9));
        assertThat(dry.probabilityOutsideMap()).isEqualTo(map.probabilityOutsideMap());
    }
}
