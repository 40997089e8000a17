package org.skyfleet.fleet.fusion;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The measurement model of a position sighting, {@code z = H x + v, v ~ N(0, R)}.
 *
 * <p>A sighting normally refers to the filter's time and {@code H = [I 0]}. A sighting that arrives
 * {@code lag} seconds late is not handled by predicting the track backwards: it measures where the
 * target was, {@code x_pos - lag v}, so {@code H = [I, -lag I]}, and R grows by the position part of the
 * process noise over the lag (the target may have manoeuvred since). The state stays at its newest time.
 *
 * @param z measured position, metres east/north of the tracker's origin
 * @param r measurement covariance R, m²
 * @param lagS how far the sighting is behind the filter's time, seconds, >= 0
 */
record PositionMeasurement(RealVector z, RealMatrix r, double lagS) {

    /** H, 2x4. */
    RealMatrix h() {
        return MatrixUtils.createRealMatrix(new double[][] {
            {1, 0, -lagS, 0},
            {0, 1, 0, -lagS}});
    }

    /** R plus the position process noise over the lag, m². */
    RealMatrix effectiveR(ConstantVelocityModel model) {
        return lagS == 0 ? r : r.add(model.q(lagS).getSubMatrix(0, 1, 0, 1));
    }
}
