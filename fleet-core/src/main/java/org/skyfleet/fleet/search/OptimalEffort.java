package org.skyfleet.fleet.search;

/**
 * The best probability of success any division of a fixed search effort over the cells can reach against a
 * stationary subject, for Koopman's exponential detection function: Stone's (1975, "Theory of Optimal
 * Search", ch. 2) and Charnes and Cooper's (1958) solution.
 *
 * <p>Definition: cell i holds POA p_i over area A_i; effort z_i (effective sweep width × track length flown in
 * the cell, square metres) gives POD_i = 1 − exp(−z_i / A_i). Maximise Σ p_i · POD_i subject to Σ z_i = Z,
 * z_i ≥ 0. The objective is concave, so the Karush–Kuhn–Tucker conditions are sufficient: in every cell that
 * gets effort the marginal detection rate (p_i / A_i) · exp(−z_i / A_i) equals one multiplier λ, and cells
 * with p_i / A_i ≤ λ get none ("water-filling"). Hence z_i = A_i · max(0, ln(p_i / (A_i λ))), and λ is found
 * by bisection on ln λ so that Σ z_i = Z.
 *
 * <p>Degenerate cases: Z ≤ 0 or no probability gives POS 0; the answer never exceeds Σ p_i (the subject may be
 * off the map). The bound ignores transit, turns and the camera's geometry: no flown allocation reaches it,
 * and with a moving subject it is not a bound at all ({@link #unionBound} is).
 */
public final class OptimalEffort {
    private OptimalEffort() {}

    /**
     * The optimal allocation.
     *
     * @param poa probability in each cell, ≥ 0
     * @param areaM2 each cell's area, square metres, above 0
     * @param effortM2 Z: total effective sweep width × track length, square metres
     */
    public static Result allocate(double[] poa, double[] areaM2, double effortM2) {
        if (poa.length != areaM2.length) {
            throw new IllegalArgumentException(poa.length + " cells of POA but " + areaM2.length + " areas");
        }
        double[] z = new double[poa.length];
        double maxDensity = 0;
        for (int i = 0; i < poa.length; i++) {
            if (!(poa[i] >= 0) || !(areaM2[i] > 0)) {
                throw new IllegalArgumentException("cell " + i + ": POA " + poa[i] + " must be ≥ 0 and area "
                        + areaM2[i] + " m² above 0");
            }
            maxDensity = Math.max(maxDensity, poa[i] / areaM2[i]);
        }
        if (!(effortM2 > 0) || maxDensity == 0) {
            return new Result(z, 0, maxDensity);
        }
        // Σ z(λ) falls as λ rises: at λ = max density it is 0; below, it grows without bound as λ → 0
        double hi = Math.log(maxDensity), lo = hi - 1;
        while (effort(poa, areaM2, lo) < effortM2) {
            lo -= 2 * (hi - lo);
        }
        for (int k = 0; k < 200 && hi - lo > 1e-13 * Math.max(1, Math.abs(lo)); k++) {
            double mid = (lo + hi) / 2;
            if (effort(poa, areaM2, mid) > effortM2) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double lnLambda = (lo + hi) / 2;
        double pos = 0;
        for (int i = 0; i < poa.length; i++) {
            z[i] = effortIn(poa[i], areaM2[i], lnLambda);
            pos += poa[i] * Detection.pod(z[i] / areaM2[i]);
        }
        return new Result(z, pos, Math.exp(lnLambda));
    }

    /** {@link #allocate} over a map's cells (its outside mass cannot be searched). */
    public static Result allocate(ProbabilityMap map, double effortM2) {
        double[] area = new double[map.grid().cellCount()];
        java.util.Arrays.fill(area, map.grid().cellAreaM2());
        return allocate(map.poaByCell(), area, effortM2);
    }

    /**
     * An upper bound on the probability of finding a subject who moves between periods: the union bound
     * P(found in some period) ≤ Σ_t P(found in period t) ≤ Σ_t optimum(map_t, Z_t), capped at 1, where map_t
     * is where the subject may be during period t with no search (the map diffused by the mobility model) and
     * Z_t the effort of period t. Valid whatever the motion; loose, because it counts a subject that stays put
     * once per period.
     */
    public static double unionBound(java.util.List<ProbabilityMap> mapByPeriod, double[] effortM2ByPeriod) {
        if (mapByPeriod.size() != effortM2ByPeriod.length) {
            throw new IllegalArgumentException(mapByPeriod.size() + " maps but " + effortM2ByPeriod.length + " efforts");
        }
        double sum = 0;
        for (int t = 0; t < effortM2ByPeriod.length; t++) {
            sum += allocate(mapByPeriod.get(t), effortM2ByPeriod[t]).pos();
        }
        return Math.min(1, sum);
    }

    private static double effort(double[] poa, double[] areaM2, double lnLambda) {
        double sum = 0;
        for (int i = 0; i < poa.length; i++) {
            sum += effortIn(poa[i], areaM2[i], lnLambda);
        }
        return sum;
    }

    private static double effortIn(double p, double a, double lnLambda) {
        if (p <= 0) {
            return 0;
        }
        double x = Math.log(p / a) - lnLambda;
        return x > 0 ? a * x : 0;
    }

    /**
     * @param effortM2 z_i per cell, square metres
     * @param pos Σ p_i (1 − exp(−z_i / A_i)): the best probability of success
     * @param marginalRatePerM2 λ: the common marginal detection rate per square metre of effort in searched cells
     */
    public record Result(double[] effortM2, double pos, double marginalRatePerM2) {}
}
