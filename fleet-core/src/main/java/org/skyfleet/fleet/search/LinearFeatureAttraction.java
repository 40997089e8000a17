package org.skyfleet.fleet.search;

import org.locationtech.jts.geom.Geometry;

/**
 * Roads and paths attract lost subjects (Grampian 2007: 59 % of women with dementia missing on foot were found
 * walking in a street or roadway; see {@code lost-person-distances.csv}). The map keeps its distance profile and,
 * at each distance from the last known point, moves a set share of that distance's mass onto the corridors along
 * the lines there.
 *
 * <p>Steps: a_i is the share of cell i inside the corridor (the lines buffered by the corridor half-width).
 * Cells are grouped in rings of one cell width by the distance of their centre from the last known point. In a
 * ring with mass M, on = Σ p_i a_i and off = M − on, the new POA is
 * p'_i = M · (s · p_i a_i / on + (1 − s) · p_i (1 − a_i) / off): mass s · M in the ring's corridors and
 * (1 − s) · M off them, each part in proportion to the old map. Each ring keeps its mass, so Σ p' = Σ p and every
 * p' ≥ 0; a subject found at a distance where no road runs cannot have been on one, so such rings are unchanged.
 *
 * <p>Degenerate cases: a ring without corridor (on = 0) or wholly inside one (off = 0) is left as it was; no
 * lines leave the map unchanged; s must be 0..1.
 */
final class LinearFeatureAttraction {
    private LinearFeatureAttraction() {}

    static double[] apply(SearchGrid grid, double[] poa, Geometry linesLocal, double corridorM, double share) {
        if (!(corridorM > 0) || !(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("corridor " + corridorM + " m must be above 0 and the share " + share
                    + " 0..1");
        }
        double[] next = poa.clone();
        if (linesLocal == null || linesLocal.isEmpty()) {
            return next;
        }
        double[] inside = CellCoverage.areasM2(grid, linesLocal.buffer(corridorM));
        int n = grid.cols();
        int rings = (int) Math.ceil(Math.hypot(grid.halfWidthM(), grid.halfWidthM()) / grid.cellSizeM()) + 1;
        int[] ring = new int[poa.length];
        double[] a = new double[poa.length], mass = new double[rings], on = new double[rings];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                int i = row * n + col;
                ring[i] = (int) (Math.hypot(grid.centreXM(col), grid.centreYM(row)) / grid.cellSizeM());
                a[i] = Math.min(1, inside[i] / grid.cellAreaM2());
                mass[ring[i]] += poa[i];
                on[ring[i]] += poa[i] * a[i];
            }
        }
        for (int i = 0; i < poa.length; i++) {
            int k = ring[i];
            double off = mass[k] - on[k];
            if (on[k] > 0 && off > 0) {
                next[i] = mass[k] * (share * poa[i] * a[i] / on[k] + (1 - share) * poa[i] * (1 - a[i]) / off);
            }
        }
        return next;
    }
}
