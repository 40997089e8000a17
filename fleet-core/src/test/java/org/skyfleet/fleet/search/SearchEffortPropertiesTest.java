package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.planner.geo.GeoPoint;

/** Bayesian update after unsuccessful search: searched cells lose POA, the total stays 1. */
class SearchEffortPropertiesTest {
    private static final GeoPoint LKP = new GeoPoint(57.15, -2.10);
    private static final ProbabilityMap MAP = ProbabilityMap.around(LKP,
            LostPersonStatistics.bundled().forCategory(SubjectCategory.CHILD_4_6));

    private static Geometry rect(double x, double y, double w, double h) {
        return SearchGrid.FACTORY.toGeometry(new Envelope(x, x + w, y, y + h));
    }

    @Property(tries = 60)
    void searchedCellsNeverGainAndTheSumStaysOne(
            @ForAll @DoubleRange(min = -3000, max = 3000) double x, @ForAll @DoubleRange(min = -3000, max = 3000) double y,
            @ForAll @DoubleRange(min = 10, max = 2000) double w, @ForAll @DoubleRange(min = 10, max = 2000) double h,
            @ForAll @DoubleRange(min = 0, max = 200) double effectiveSweepWidthM) {
        Geometry footprint = rect(x, y, w, h);
        ProbabilityMap after = MAP.applySearchEffort(footprint, effectiveSweepWidthM, 80);
        double[] covered = CellCoverage.areasM2(MAP.grid(), footprint);
        double[] before = MAP.poaByCell(), now = after.poaByCell();
        double ratio = 1 / (1 - after.lastPos());
        int gained = 0, wrongUnsearched = 0;
        for (int i = 0; i < before.length; i++) {
            if (covered[i] > 0) {
                // relative to unsearched ground (which only gets the common factor 1 / (1 − POS)) it never gains
                gained += now[i] > before[i] * ratio * (1 + 1e-12) ? 1 : 0;
            } else {
                wrongUnsearched += Math.abs(now[i] - before[i] * ratio) > 1e-15 ? 1 : 0;
            }
        }
        assertThat(gained).as("searched cells that gained").isZero();
        assertThat(wrongUnsearched).as("unsearched cells not scaled by 1 / (1 - POS)").isZero();
        assertThat(after.probabilityInsideMap() + after.probabilityOutsideMap()).isCloseTo(1, within(1e-9));
        assertThat(after.lastPos()).isBetween(0.0, 1.0);
        assertThat(after.cumulativePos()).isCloseTo(after.lastPos(), within(1e-12));
    }

    @Property(tries = 60)
    void podIsMonotoneInCoverage(@ForAll @DoubleRange(min = 0, max = 50) double c,
                                 @ForAll @DoubleRange(min = 0, max = 5) double more) {
        assertThat(Detection.pod(c + more)).isGreaterThanOrEqualTo(Detection.pod(c));
        assertThat(Detection.pod(c)).isBetween(0.0, 1.0);
    }

    @Test
    void koopmanAtCoverageOne() {
        assertThat(Detection.pod(1)).isCloseTo(1 - Math.exp(-1), within(1e-12));
        assertThat(Detection.pod(0)).isZero();
    }

    @Test
    void searchingTheWholeMapThoroughlyLeavesTheSubjectOutside() {
        Geometry all = SearchGrid.FACTORY.toGeometry(MAP.grid().envelope());
        ProbabilityMap after = MAP.applySearchEffort(all, 2_000, 80);
        assertThat(after.probabilityOutsideMap()).isGreaterThan(0.99);
        assertThat(after.lastPos()).isCloseTo(MAP.probabilityInsideMap(), within(1e-6));
        assertThat(after.cumulativePos()).isCloseTo(MAP.probabilityInsideMap(), within(1e-6));
    }

    @Test
    void twoSortiesCombineAsIndependentLooks() {
        Geometry sortie = rect(-500, -500, 1000, 1000);
        ProbabilityMap once = MAP.applySearchEffort(sortie, 40, 80);
        ProbabilityMap twice = once.applySearchEffort(sortie, 40, 80);
        ProbabilityMap doubled = MAP.applySearchEffort(sortie, 80, 80);
        assertThat(twice.cumulativePos()).isCloseTo(doubled.cumulativePos(), within(1e-9));
        assertThat(twice.probabilityOutsideMap()).isCloseTo(doubled.probabilityOutsideMap(), within(1e-9));
    }

    @Test
    void cameraFootprintFromFlownSamplesLowersPoaUnderTheTrack() {
        var samples = java.util.List.of(sample(-600, 0), sample(0, 0), sample(600, 0));
        Geometry seen = CameraFootprints.swept(samples, 35, MAP.frame());
        ProbabilityMap after = MAP.applySearchEffort(seen, 60, 84);
        int mid = MAP.grid().cols() / 2;
        assertThat(after.poa(mid, mid)).isLessThan(MAP.poa(mid, mid));
        assertThat(after.poa(mid, mid + 20)).isGreaterThan(MAP.poa(mid, mid + 20));
    }

    private static FlownSample sample(double eastM, double northM) {
        GeoPoint p = MAP.frame().toGeo(eastM, northM);
        return new FlownSample(p.latDeg(), p.lonDeg(), 60, 90);
    }
}
