package org.skyfleet.fleet.search;

/**
 * Diffusion of POA on a {@link SearchGrid}: the heat equation ∂p/∂t = D ∇²p, solved with the explicit
 * five-point scheme p' = p + r (p_E + p_W + p_N + p_S − 4p), r = D Δt / Δx².
 *
 * <p>Steps: the elapsed time is cut into n equal steps with r ≤ 0.2 (the scheme is stable and keeps every
 * cell non-negative for r ≤ 0.25, since each new value is a non-negative mix of old ones). At the grid's edge a
 * missing neighbour is the outside: what flows across the edge, r · p per open side, leaves the grid and is
 * returned to the caller, and nothing flows back in (the outside mass is far away and spread thin). So
 * Σ p' + walked off = Σ p exactly, up to rounding.
 *
 * <p>Degenerate cases: D = 0 or Δt = 0 changes nothing; a one-cell grid only loses mass over its four sides.
 */
final class MapDiffusion {
    /** Largest r per step. */
    static final double MAX_R = 0.2;

    private MapDiffusion() {}

    /**
     * Diffuses {@code poa} (row-major, in place).
     *
     * @param diffusivityM2PerS D, square metres per second, ≥ 0
     * @return the mass that crossed the grid's edge
     */
    static double diffuse(SearchGrid grid, double[] poa, double diffusivityM2PerS, double elapsedS) {
        if (!(diffusivityM2PerS >= 0) || !Double.isFinite(diffusivityM2PerS)) {
            throw new IllegalArgumentException("diffusivity " + diffusivityM2PerS + " m²/s must be finite and ≥ 0");
        }
        double total = diffusivityM2PerS * elapsedS / (grid.cellSizeM() * grid.cellSizeM());
        if (!(total > 0)) {
            return 0;
        }
        int steps = (int) Math.ceil(total / MAX_R);
        double r = total / steps;
        int n = grid.cols();
        double[] next = new double[poa.length];
        double off = 0;
        for (int s = 0; s < steps; s++) {
            for (int row = 0; row < n; row++) {
                for (int col = 0; col < n; col++) {
                    int i = row * n + col;
                    double p = poa[i];
                    double in = 0;
                    int open = 0;
                    if (col > 0) {
                        in += poa[i - 1];
                    } else {
                        open++;
                    }
                    if (col < n - 1) {
                        in += poa[i + 1];
                    } else {
                        open++;
                    }
                    if (row > 0) {
                        in += poa[i - n];
                    } else {
                        open++;
                    }
                    if (row < n - 1) {
                        in += poa[i + n];
                    } else {
                        open++;
                    }
                    next[i] = p + r * (in - 4 * p);
                    off += r * open * p;
                }
            }
            System.arraycopy(next, 0, poa, 0, poa.length);
        }
        return off;
    }
}
