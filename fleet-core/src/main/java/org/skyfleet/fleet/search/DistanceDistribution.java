package org.skyfleet.fleet.search;

/**
 * The distribution of a subject's straight-line distance from the last known point, built from published
 * quantiles.
 *
 * <p>CDF: piecewise linear through (0, 0), (p25, 0.25), (p50, 0.5), (p75, 0.75), (p95, 0.95); beyond p95
 * an exponential tail F(r) = 1 − 0.05 · exp(−λ (r − p95)) with λ = 4 / (p95 − p75), chosen so the density
 * does not jump at p95 (0.05 λ equals the slope 0.20 / (p95 − p75) just below it). The density is
 * therefore piecewise constant in r up to p95: a subject is equally likely at any distance within a
 * quantile band, and a ring's mass is spread over its circumference 2πr by {@link ProbabilityMap}.
 *
 * <p>Reach ({@link #within}): a subject last seen t seconds ago, walking at most v m/s, is no farther than
 * R = v · t. The distribution within R is the published one conditioned on r ≤ R: F_R(r) = F(r) / F(R) for
 * r < R and 1 beyond; its density f(r) / F(R) up to R and 0 beyond. The published radii ({@link #p95M()},
 * {@link #quantilesM()}) stay as published, so a map's grid is sized for the subject's eventual spread.
 */
public final class DistanceDistribution {
    private static final double[] P = {0, 0.25, 0.5, 0.75, 0.95};
    private final double[] rM;
    private final double tailRatePerM;
    /** The farthest the subject can be, metres; infinite when the time since last seen is unknown. */
    private final double reachM;
    /** F(reachM) of the published distribution: the share of it the reach keeps. */
    private final double keptShare;

    private DistanceDistribution(double[] rM, double reachM) {
        this.rM = rM;
        this.tailRatePerM = 4 / (rM[4] - rM[3]);
        this.reachM = reachM;
        this.keptShare = Double.isInfinite(reachM) ? 1 : publishedCdf(reachM);
    }

    public static DistanceDistribution of(DistanceQuantiles q) {
        return new DistanceDistribution(new double[] {0, q.p25Km() * 1000, q.p50Km() * 1000, q.p75Km() * 1000,
                q.p95Km() * 1000}, Double.POSITIVE_INFINITY);
    }

    /**
     * This distribution conditioned on the subject being within {@code reachM} of the last known point (see the
     * class comment); {@code Double.POSITIVE_INFINITY} gives the published one back.
     *
     * @param reachM above 0
     */
    public DistanceDistribution within(double reachM) {
        if (!(reachM > 0)) {
            throw new IllegalArgumentException("reach " + reachM + " m must be above 0");
        }
        return new DistanceDistribution(rM, reachM);
    }

    /** The farthest the subject can be, metres; infinite when not limited. */
    public double reachM() {
        return reachM;
    }

    /** P(distance ≤ rM). */
    public double cdf(double rM) {
        if (rM >= reachM) {
            return 1;
        }
        return publishedCdf(rM) / keptShare;
    }

    private double publishedCdf(double rM) {
        if (rM <= 0) {
            return 0;
        }
        for (int i = 1; i < this.rM.length; i++) {
            if (rM <= this.rM[i]) {
                return P[i - 1] + (P[i] - P[i - 1]) * (rM - this.rM[i - 1]) / (this.rM[i] - this.rM[i - 1]);
            }
        }
        return 1 - 0.05 * Math.exp(-tailRatePerM * (rM - p95M()));
    }

    /** dF/dr, per metre. */
    public double densityPerM(double rM) {
        if (rM < 0 || rM > reachM) {
            return 0;
        }
        return publishedDensityPerM(rM) / keptShare;
    }

    private double publishedDensityPerM(double rM) {
        for (int i = 1; i < this.rM.length; i++) {
            if (rM <= this.rM[i]) {
                return (P[i] - P[i - 1]) / (this.rM[i] - this.rM[i - 1]);
            }
        }
        return 0.05 * tailRatePerM * Math.exp(-tailRatePerM * (rM - p95M()));
    }

    /**
     * Probability that the subject is inside the axis-aligned square of half-width halfWidthM centred on
     * the last known point: F(h) plus, for h < r < h√2, the density times the share of the circle of
     * radius r inside the square, 1 − (4/π)·acos(h/r) (Simpson's rule).
     */
    public double massInSquare(double halfWidthM) {
        double h = halfWidthM;
        if (h >= reachM) {
            return 1;
        }
        double b = h * Math.sqrt(2);
        int n = 4000;
        double step = (b - h) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double r = h + i * step;
            double share = 1 - 4 / Math.PI * Math.acos(Math.min(1, h / r));
            double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * densityPerM(r) * share;
        }
        return cdf(h) + sum * step / 3;
    }

    public double p95M() {
        return rM[4];
    }

    /** The published quantile radii, metres: p25, p50, p75, p95. */
    public double[] quantilesM() {
        return new double[] {rM[1], rM[2], rM[3], rM[4]};
    }
}
