package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionCovarianceTest {

    @Test
    void circleHasEqualAxesOf2Point45Sigma() {
        PositionEllipse e = new PositionCovariance(100, 0, 100).ellipse95();
        assertThat(e.semiMajorM()).isCloseTo(Math.sqrt(5.991) * 10, within(1e-9));
        assertThat(e.semiMinorM()).isCloseTo(e.semiMajorM(), within(1e-9));
    }

    @Test
    void majorAxisBearingIsClockwiseFromNorth() {
        assertThat(new PositionCovariance(400, 0, 100).ellipse95().majorAxisBearingDeg()).isCloseTo(90, within(1e-9));
        assertThat(new PositionCovariance(100, 0, 400).ellipse95().majorAxisBearingDeg()).isCloseTo(0, within(1e-9));
        // Correlated east and north: the major axis runs north-east.
        PositionEllipse ne = new PositionCovariance(200, 150, 200).ellipse95();
        assertThat(ne.majorAxisBearingDeg()).isCloseTo(45, within(1e-9));
        assertThat(ne.semiMajorM()).isCloseTo(Math.sqrt(5.991 * 350), within(1e-9));
        assertThat(ne.semiMinorM()).isCloseTo(Math.sqrt(5.991 * 50), within(1e-9));
    }
}
