package org.skyfleet.fleet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OptimalEffortTest {

    /**
     * Two cells of 1 m², POA 0.6 and 0.4, effort 1 m². Equal marginal rates: 0.6 e^−z1 = 0.4 e^−z2 with
     * z1 + z2 = 1, so z1 = (1 + ln 1.5) / 2 = 0.70273, z2 = 0.29727, λ = 0.6 e^−z1 = 0.29727 and
     * POS = 1 − 2λ = 0.40546 (each cell keeps λ of its probability).
     */
    @Test
    void twoCellsByHand() {
        OptimalEffort.Result r = OptimalEffort.allocate(new double[] {0.6, 0.4}, new double[] {1, 1}, 1);
        double z1 = (1 + Math.log(1.5)) / 2;
        assertThat(r.effortM2()[0]).isCloseTo(z1, within(1e-9));
        assertThat(r.effortM2()[1]).isCloseTo(1 - z1, within(1e-9));
        assertThat(r.marginalRatePerM2()).isCloseTo(0.6 * Math.exp(-z1), within(1e-9));
        assertThat(r.pos()).isCloseTo(1 - 2 * 0.6 * Math.exp(-z1), within(1e-9));
    }

    /** Below the threshold only the denser cell is searched: effort ln(0.6/0.4) = 0.405 would first equalise them. */
    @Test
    void littleEffortGoesToTheDenserCellOnly() {
        OptimalEffort.Result r = OptimalEffort.allocate(new double[] {0.6, 0.4}, new double[] {1, 1}, 0.3);
        assertThat(r.effortM2()[0]).isCloseTo(0.3, within(1e-9));
        assertThat(r.effortM2()[1]).isZero();
        assertThat(r.pos()).isCloseTo(0.6 * (1 - Math.exp(-0.3)), within(1e-9));
    }

    @Test
    void noEffortOrNoProbabilityFindsNothingAndMuchEffortApproachesTheMassOnTheMap() {
        assertThat(OptimalEffort.allocate(new double[] {0.5, 0.2}, new double[] {1, 2}, 0).pos()).isZero();
        assertThat(OptimalEffort.allocate(new double[] {0, 0}, new double[] {1, 2}, 5).pos()).isZero();
        assertThat(OptimalEffort.allocate(new double[] {0.5, 0.2}, new double[] {1, 2}, 1e3).pos())
                .isCloseTo(0.7, within(1e-9)).isLessThanOrEqualTo(0.7);
    }
}
