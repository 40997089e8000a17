package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * The prior limited to the subject's reach since last seen: its mass is conserved, none of it lies beyond the reach,
 * and its support grows with the time since last seen.
 */
class SearchPriorPropertiesTest {
    private static final GeoPoint LKP = new GeoPoint(53.3912, -1.8647);
    private static final DistanceQuantiles DEMENTIA = LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA);
    private static final SubjectMobility WALKER = SubjectMobility.of(SubjectCategory.DEMENTIA);

    @Property(tries = 25)
    void massIsConservedAndNoneLiesBeyondReach(@ForAll @DoubleRange(min = 0, max = 6 * 3600) double sinceLastSeenS) {
        ProbabilityMap map = SearchPrior.of(LKP, DEMENTIA, SubjectCategory.DEMENTIA, WALKER, sinceLastSeenS, f -> MapFeatures.none());
        double reachM = Math.max(SearchPrior.reachM(WALKER, sinceLastSeenS), map.grid().cellSizeM());

        assertThat(map.probabilityInsideMap() + map.probabilityOutsideMap()).isCloseTo(1, within(1e-9));
        SearchGrid g = map.grid();
        double half = g.cellSizeM() / 2;
        for (int row = 0; row < g.rows(); row++) {
            for (int col = 0; col < g.cols(); col++) {
                // the cell's nearest point to the last known point
                double dx = Math.max(0, Math.abs(g.centreXM(col)) - half), dy = Math.max(0, Math.abs(g.centreYM(row)) - half);
                if (Math.hypot(dx, dy) > reachM + 1e-6) {
                    assertThat(map.poa(col, row)).as("cell %d,%d beyond the reach %.0f m", col, row, reachM).isZero();
                }
            }
        }
        if (reachM < g.halfWidthM()) {
            assertThat(map.probabilityOutsideMap()).as("nothing beyond the grid when the reach is inside it").isZero();
        }
        assertThat(map.massWithinM(reachM + g.cellSizeM() * Math.sqrt(2))).isCloseTo(map.probabilityInsideMap(), within(1e-9));
    }

    @Property(tries = 15)
    void theSupportGrowsWithTimeSinceLastSeen(@ForAll @DoubleRange(min = 60, max = 3 * 3600) double earlierS,
                                              @ForAll @DoubleRange(min = 60, max = 3600) double laterByS) {
        ProbabilityMap earlier = SearchPrior.of(LKP, DEMENTIA, SubjectCategory.DEMENTIA, WALKER, earlierS, f -> MapFeatures.none());
        ProbabilityMap later = SearchPrior.of(LKP, DEMENTIA, SubjectCategory.DEMENTIA, WALKER, earlierS + laterByS, f -> MapFeatures.none());
        double[] before = earlier.poaByCell(), after = later.poaByCell();
        int cellsEarlier = 0, cellsLater = 0;
        for (int i = 0; i < before.length; i++) {
            cellsEarlier += before[i] > 0 ? 1 : 0;
            cellsLater += after[i] > 0 ? 1 : 0;
            if (before[i] > 0 && !(after[i] > 0)) {
                assertThat(after[i]).as("cell %d: a cell he could reach earlier he can reach later", i).isPositive();
            }
        }
        assertThat(cellsLater).isGreaterThanOrEqualTo(cellsEarlier);
    }

    @Property(tries = 10)
    void anUnknownLastSeenTimeLimitsNothing(@ForAll @DoubleRange(min = 0, max = 1) double ignored) {
        ProbabilityMap unlimited = SearchPrior.of(LKP, DEMENTIA, SubjectCategory.DEMENTIA, WALKER, Double.NaN, f -> MapFeatures.none());
        assertThat(unlimited.poaByCell()).containsExactly(ProbabilityMap.around(LKP, DEMENTIA).poaByCell());
    }
}
