package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * The map's invariants under the mobility model and Bayesian updates, and the optimum as a bound: probability is
 * conserved (cells + outside = 1 within 1e-9) and never negative, and no division of the same effort beats
 * {@link OptimalEffort}.
 */
class SearchMapPropertiesTest {
    private static final GeoPoint LKP = new GeoPoint(29.725, 122.108);
    /** A small grid (21 × 21 cells of 100 m) keeps each try cheap. */
    private static final ProbabilityMap SMALL = ProbabilityMap.around(LKP,
            DistanceDistribution.of(LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA)),
            new SearchGrid(new org.skyfleet.planner.geo.LocalFrame(LKP), 100, 21));

    private static Geometry rect(double x, double y, double w, double h) {
        return SearchGrid.FACTORY.toGeometry(new Envelope(x, x + w, y, y + h));
    }

    private static void assertConservedAndNonNegative(ProbabilityMap m) {
        assertThat(m.probabilityInsideMap() + m.probabilityOutsideMap()).isCloseTo(1, within(1e-9));
        assertThat(java.util.Arrays.stream(m.poaByCell()).min().orElse(0)).isGreaterThanOrEqualTo(0);
        assertThat(m.probabilityOutsideMap()).isGreaterThanOrEqualTo(0);
    }

    @Property(tries = 40)
    void diffusionThenSearchThenDiffusionConservesProbability(
            @ForAll @DoubleRange(min = 0, max = 7200) double firstS, @ForAll @DoubleRange(min = 0, max = 3600) double thenS,
            @ForAll @DoubleRange(min = 0, max = 2) double speedMps,
            @ForAll @DoubleRange(min = -1000, max = 1000) double x, @ForAll @DoubleRange(min = -1000, max = 1000) double y,
            @ForAll @DoubleRange(min = 50, max = 800) double side, @ForAll @DoubleRange(min = 0, max = 120) double w) {
        SubjectMobility mobility = new SubjectMobility(speedMps, 0.6, 300, "test");
        ProbabilityMap diffused = SMALL.diffused(mobility, firstS);
        assertConservedAndNonNegative(diffused);
        ProbabilityMap searched = diffused.applySearchEffort(rect(x, y, side, side), w, 56);
        assertConservedAndNonNegative(searched);
        ProbabilityMap again = searched.diffused(mobility, thenS);
        assertConservedAndNonNegative(again);
        // the emptied ground regains probability from its unsearched neighbours, never loses it to the search's credit
        assertThat(again.cumulativePos()).isEqualTo(searched.cumulativePos());
    }

    @Property(tries = 30)
    void roadsAndWaterReweightWithoutCreatingOrLosingProbability(
            @ForAll @DoubleRange(min = -900, max = 900) double roadY, @ForAll @DoubleRange(min = 0, max = 1) double share,
            @ForAll @DoubleRange(min = 0, max = 3) double waterFactor) {
        Geometry road = SearchGrid.FACTORY.createLineString(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(-1200, roadY), new org.locationtech.jts.geom.Coordinate(1200, roadY + 300)});
        ProbabilityMap m = SMALL.withLinearFeatures(road, 25, share).withRelativeWeight(rect(200, 200, 300, 300), waterFactor);
        assertConservedAndNonNegative(m);
    }

    /** Small cases: random POA, areas and a random division of the same effort never beat the optimum. */
    @Property(tries = 200)
    void optimumBeatsAnyDivisionOfTheSameEffort(@ForAll @IntRange(min = 1, max = 8) int cells,
                                                @ForAll @DoubleRange(min = 0.01, max = 20) double effortM2,
                                                @ForAll long seed) {
        Random r = new Random(seed);
        double[] p = new double[cells], a = new double[cells], z = new double[cells];
        double sumP = 0, sumZ = 0;
        for (int i = 0; i < cells; i++) {
            p[i] = r.nextDouble();
            a[i] = 0.1 + 5 * r.nextDouble();
            z[i] = r.nextDouble() < 0.3 ? 0 : r.nextDouble();
            sumP += p[i];
            sumZ += z[i];
        }
        double pos = 0;
        for (int i = 0; i < cells; i++) {
            p[i] /= sumP;
            z[i] = sumZ > 0 ? z[i] * effortM2 / sumZ : effortM2 / cells;
            pos += p[i] * Detection.pod(z[i] / a[i]);
        }
        OptimalEffort.Result best = OptimalEffort.allocate(p, a, effortM2);
        assertThat(best.pos()).isGreaterThanOrEqualTo(pos - 1e-12).isLessThanOrEqualTo(1 + 1e-12);
        assertThat(java.util.Arrays.stream(best.effortM2()).sum()).isCloseTo(effortM2, within(1e-6 * effortM2));
    }
}
