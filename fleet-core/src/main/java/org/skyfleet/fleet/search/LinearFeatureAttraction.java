package org.skyfleet.fleet.search;

import org.locationtech.jts.geom.Geometry;

/**
 * Roads and paths attract lost subjects (Grampian 2007: 59 % of women with dementia missing on foot were found
 * walking in a street or roadway; Koester 2008 lists roads among where dementia subjects are found). The map
 * keeps its distance profile and moves a set share of its mass onto the corridors along the lines.
 *
 * <p>Steps: a_i is the share of cell i inside the corridor (the lines buffered by the corridor half-width).
 * With M = Σ p_i, on = Σ p_i a_i and off = M − on, the new POA is
 * p'_i = M · (s · p_i a_i / on + (1 − s) · p_i (1 − a_i) / off): mass s · M in the corridors and
 * (1 − s) · M off them, each part in proportion to the old map. Σ p' = M, every p' ≥ 0.
 *
 * <p>Degenerate cases: no corridor on the grid (on = 0) or corridors covering every cell (off = 0) leave the
 * map as it was; s must be 0..1.
 */
final class LinearFeatureAttraction {
    private LinearFeatureAttraction() {}

    static double[] apply(SearchGrid grid, double[] poa, Geometry linesLocal, double corridorM, double share) {
        if (!(corridorM > 0) || !(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("corridor " + corridorM + " m must be above 0 and the share " + share
                    + " 0..1");
        }
        if (linesLocal == null || linesLocal.isEmpty()) {
            return poa.clone();
        }
        double[] inside = CellCoverage.areasM2(grid, linesLocal.buffer(corridorM));
        double total = 0, on = 0;
        double[] a = new double[poa.length];
        for (int i = 0; i < poa.length; i++) {
            a[i] = Math.min(1, inside[i] / grid.cellAreaM2());
            total += poa[i];
            on += poa[i] * a[i];
        }
        double off = total - on;
        if (on <= 0 || off <= 0) {
            return poa.clone();
        }
        double[] next = new double[poa.length];
        for (int i = 0; i < poa.length; i++) {
            next[i] = total * (share * poa[i] * a[i] / on + (1 - share) * poa[i] * (1 - a[i]) / off);
        }
        return next;
    }
}
