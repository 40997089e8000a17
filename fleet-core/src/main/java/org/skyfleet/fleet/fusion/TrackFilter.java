package org.skyfleet.fleet.fusion;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A Kalman filter of one track: state x = {@code [x, y, vx, vy]} (m, m/s, east/north of the tracker's
 * origin), covariance P, and the time they refer to.
 *
 * <p>The filter never moves backwards in time: a late measurement is folded in through its measurement
 * matrix (see {@link PositionMeasurement}). Models are passed in, so the filter only does the algebra.
 * Not thread-safe; the {@link Tracker} serialises access.
 */
final class TrackFilter {
    private RealVector x;
    private RealMatrix p;
    private long timeMs;

    private TrackFilter(RealVector x, RealMatrix p, long timeMs) {
        this.x = x;
        this.p = p;
        this.timeMs = timeMs;
    }

    /** A filter at {@code z} with unknown velocity: P = diag(R, σv² I). */
    static TrackFilter start(RealVector z, RealMatrix r, double speedSigmaMps, long timeMs) {
        RealVector x = new ArrayRealVector(new double[] {z.getEntry(0), z.getEntry(1), 0, 0});
        RealMatrix p = MatrixUtils.createRealMatrix(4, 4);
        p.setSubMatrix(r.getData(), 0, 0);
        p.setEntry(2, 2, speedSigmaMps * speedSigmaMps);
        p.setEntry(3, 3, speedSigmaMps * speedSigmaMps);
        return new TrackFilter(x, p, timeMs);
    }

    /** A filter that continues from a saved state (a restart): x, P and their time as they were. */
    static TrackFilter resume(RealVector x, RealMatrix p, long timeMs) {
        return new TrackFilter(x.copy(), p.copy(), timeMs);
    }

    /**
     * Predicts to the measurement's time (or uses the lagged H when it is older) and computes the
     * innovation, without changing the filter.
     */
    Innovation innovate(RealVector z, RealMatrix r, long zTimeMs, ConstantVelocityModel model) {
        double dtS = Math.max(0, zTimeMs - timeMs) / 1000.0;
        double lagS = Math.max(0, timeMs - zTimeMs) / 1000.0;
        PositionMeasurement m = new PositionMeasurement(z, r, lagS);
        // Predict: x⁻ = A x,  P⁻ = A P Aᵀ + Q
        RealMatrix a = model.a(dtS);
        RealVector xPred = a.operate(x);
        RealMatrix pPred = a.multiply(p).multiply(a.transpose()).add(model.q(dtS));
        // Innovation: ν = z − H x⁻,  S = H P⁻ Hᵀ + R
        RealMatrix h = m.h();
        RealMatrix rEff = m.effectiveR(model);
        RealVector nu = z.subtract(h.operate(xPred));
        RealMatrix s = h.multiply(pPred).multiply(h.transpose()).add(rEff);
        RealMatrix sInv = inverse2x2(s);
        double d2 = nu.dotProduct(sInv.operate(nu));
        return new Innovation(xPred, pPred, h, rEff, nu, sInv, d2, Math.max(timeMs, zTimeMs));
    }

    /** Applies an innovation computed by {@link #innovate} on this filter's current state. */
    void update(Innovation in) {
        // Gain: K = P⁻ Hᵀ S⁻¹
        RealMatrix k = in.pPred().multiply(in.h().transpose()).multiply(in.sInv());
        // State: x = x⁻ + K ν
        x = in.xPred().add(k.operate(in.nu()));
        // Joseph form P = (I − K H) P⁻ (I − K H)ᵀ + K R Kᵀ keeps P symmetric positive definite under rounding.
        RealMatrix ikh = MatrixUtils.createRealIdentityMatrix(4).subtract(k.multiply(in.h()));
        RealMatrix joseph = ikh.multiply(in.pPred()).multiply(ikh.transpose())
                .add(k.multiply(in.rEff()).multiply(k.transpose()));
        p = joseph.add(joseph.transpose()).scalarMultiply(0.5);
        timeMs = in.timeMs();
    }

    RealVector state() {
        return x.copy();
    }

    RealMatrix covariance() {
        return p.copy();
    }

    long timeMs() {
        return timeMs;
    }

    private static RealMatrix inverse2x2(RealMatrix s) {
        double a = s.getEntry(0, 0);
        double b = s.getEntry(0, 1);
        double c = s.getEntry(1, 0);
        double d = s.getEntry(1, 1);
        double det = a * d - b * c;
        return MatrixUtils.createRealMatrix(new double[][] {{d / det, -b / det}, {-c / det, a / det}});
    }

    /**
     * The innovation of one measurement against the predicted state.
     *
     * @param d2 squared Mahalanobis distance νᵀ S⁻¹ ν, chi-square with 2 degrees of freedom
     * @param timeMs the filter's time after the update
     */
    record Innovation(RealVector xPred, RealMatrix pPred, RealMatrix h, RealMatrix rEff, RealVector nu,
            RealMatrix sInv, double d2, long timeMs) {
    }
}
