package org.skyfleet.fleet.fusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/** P stays symmetric positive definite whatever the update sequence. */
class TrackFilterPropertiesTest {

    @Property(tries = 60)
    void covarianceStaysSymmetricPositiveDefinite(@ForAll long seed, @ForAll TargetClass cls) {
        Random rnd = new Random(seed);
        ConstantVelocityModel model = ConstantVelocityModel.forClass(cls);
        TrackFilter f = TrackFilter.start(vec(0, 0), covariance(rnd), model.initialSpeedSigmaMps(), 0);
        long tMs = 0;
        for (int k = 0; k < 300; k++) {
            // Mostly forward steps from 0 to 60 s, sometimes a sighting up to 5 s late.
            long zMs = rnd.nextInt(10) == 0 ? tMs - rnd.nextInt(5_000) : tMs + rnd.nextInt(60_000);
            tMs = Math.max(tMs, zMs);
            RealVector z = vec(rnd.nextGaussian() * 100, rnd.nextGaussian() * 100);
            TrackFilter.Innovation in = f.innovate(z, covariance(rnd), zMs, model);
            assertThat(in.d2()).isNotNegative();
            f.update(in);
            assertSymmetricPositiveDefinite(f.covariance());
            assertThat(f.timeMs()).isEqualTo(tMs);
        }
    }

    @Test
    void aSightingAtTheFilterTimeShrinksThePositionVariance() {
        ConstantVelocityModel model = ConstantVelocityModel.forClass(TargetClass.PERSON);
        RealMatrix r = MatrixUtils.createRealDiagonalMatrix(new double[] {225, 225});
        TrackFilter f = TrackFilter.start(vec(0, 0), r, 1, 0);
        f.update(f.innovate(vec(10, 0), r, 0, model));
        // Two equal measurements at once: half the variance, the mean in the middle.
        assertThat(f.covariance().getEntry(0, 0)).isCloseTo(112.5, within(1e-9));
        assertThat(f.state().getEntry(0)).isCloseTo(5, within(1e-9));
    }

    static void assertSymmetricPositiveDefinite(RealMatrix p) {
        for (int i = 0; i < p.getRowDimension(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(p.getEntry(i, j)).isEqualTo(p.getEntry(j, i));
            }
        }
        double[] eigen = new EigenDecomposition(p).getRealEigenvalues();
        for (double e : eigen) {
            assertThat(e).as("eigenvalue of P").isPositive();
        }
    }

    private static RealMatrix covariance(Random rnd) {
        double se = 1 + rnd.nextDouble() * 500;
        double sn = 1 + rnd.nextDouble() * 500;
        double rho = (rnd.nextDouble() * 2 - 1) * 0.95;
        return MatrixUtils.createRealMatrix(new double[][] {{se * se, rho * se * sn}, {rho * se * sn, sn * sn}});
    }

    private static RealVector vec(double e, double n) {
        return new ArrayRealVector(new double[] {e, n});
    }
}
