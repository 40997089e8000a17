package org.skyfleet.fleet.search;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * Probability of area (POA) over a square grid around the last known point, plus the probability that
 * the subject is outside the grid altogether. Immutable: searching or excluding returns a new map.
 *
 * <p>Initial POA: the subject's distance r from the last known point follows a
 * {@link DistanceDistribution}, with every bearing equally likely, so the density per square metre is
 * f(r) / (2πr). Each cell integrates it by the midpoint rule on k × k sub-points (k = 32 next to the last
 * known point, where 1/r is steep, 4 elsewhere), and the cells are scaled to sum exactly to the mass of the
 * square; the rest, {@link #probabilityOutsideMap()}, is the mass beyond the grid, kept so that searching
 * the grid moves belief outward instead of inventing certainty.
 *
 * <p>Invariant: Σ POA + outside = 1.
 */
public final class ProbabilityMap {
    /** Smallest cell side, metres: finer than a camera swath buys nothing. */
    public static final double MIN_CELL_SIZE_M = 50;
    /** The grid reaches this multiple of the p95 distance, so the outer 5 % of finds are on the map too. */
    public static final double EXTENT_OVER_P95 = 1.5;

    private final SearchGrid grid;
    private final double[] poa;
    private final double outside;
    private final double cumulativePos;
    private final double lastPos;

    private ProbabilityMap(SearchGrid grid, double[] poa, double outside, double cumulativePos, double lastPos) {
        this.grid = grid;
        this.poa = poa;
        this.outside = outside;
        this.cumulativePos = cumulativePos;
        this.lastPos = lastPos;
    }

    /** The map for a subject category's statistics, with the default extent and cell size. */
    public static ProbabilityMap around(GeoPoint lkp, DistanceQuantiles q) {
        DistanceDistribution d = DistanceDistribution.of(q);
        return around(lkp, d, SearchGrid.around(lkp, EXTENT_OVER_P95 * d.p95M(), MIN_CELL_SIZE_M));
    }

    /**
     * The map for a subject category's statistics limited to the subject's reach ({@link DistanceDistribution#within}),
     * on the same grid as without the limit (so the map has room to spread as time passes). A reach below one
     * cell is taken as one cell: the last known point's cell then holds the mass.
     *
     * @param reachM metres; {@code Double.POSITIVE_INFINITY} when the time since last seen is unknown
     */
    public static ProbabilityMap around(GeoPoint lkp, DistanceQuantiles q, double reachM) {
        DistanceDistribution d = DistanceDistribution.of(q);
        SearchGrid grid = SearchGrid.around(lkp, EXTENT_OVER_P95 * d.p95M(), MIN_CELL_SIZE_M);
        return around(lkp, Double.isInfinite(reachM) ? d : d.within(Math.max(reachM, grid.cellSizeM())), grid);
    }

    /** The map of a distance distribution on a given grid (its frame's origin is the last known point). */
    public static ProbabilityMap around(GeoPoint lkp, DistanceDistribution d, SearchGrid grid) {
        lkp.validate("last known point");
        int n = grid.cols();
        double cell = grid.cellSizeM();
        double[] poa = new double[grid.cellCount()];
        double sum = 0;
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                double cx = grid.centreXM(col), cy = grid.centreYM(row);
                int k = Math.hypot(cx, cy) < 2 * cell ? 32 : 4;
                double sub = cell / k, w = 0;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double r = Math.hypot(cx - cell / 2 + (i + 0.5) * sub, cy - cell / 2 + (j + 0.5) * sub);
                        w += d.densityPerM(r) / (2 * Math.PI * Math.max(r, 1e-9));
                    }
                }
                poa[row * n + col] = w * sub * sub;
                sum += poa[row * n + col];
            }
        }
        double inside = d.massInSquare(grid.halfWidthM());
        for (int i = 0; i < poa.length; i++) {
            poa[i] *= inside / sum;
        }
        return new ProbabilityMap(grid, poa, 1 - inside, 0, 0);
    }

    /**
     * The map with POA taken out of the area inside the given geometry (a lake, a fenced site the subject
     * cannot enter): each cell keeps the share of its POA outside it, and the map's cells are scaled back to
     * their previous total (the outside mass is unchanged). If nothing is left inside, the mass moves outside.
     */
    public ProbabilityMap withExclusions(Geometry local) {
        double[] covered = CellCoverage.areasM2(grid, local);
        double[] next = poa.clone();
        double before = 0, after = 0;
        for (int i = 0; i < next.length; i++) {
            before += next[i];
            next[i] *= 1 - covered[i] / grid.cellAreaM2();
            after += next[i];
        }
        if (after <= 0) {
            return new ProbabilityMap(grid, new double[next.length], 1, cumulativePos, lastPos);
        }
        for (int i = 0; i < next.length; i++) {
            next[i] *= before / after;
        }
        return new ProbabilityMap(grid, next, outside, cumulativePos, lastPos);
    }

    /**
     * The map with the POA inside the given geometry scaled by {@code factor} relative to the rest (water a
     * subject rarely enters, a cliff band: below 1 repels, above 1 attracts), the cells then scaled back to their
     * previous total; the outside mass is unchanged. A cell partly inside is scaled by
     * 1 − (1 − factor) · share inside. Factor 0 is {@link #withExclusions(Geometry)}.
     *
     * @param factor ≥ 0
     */
    public ProbabilityMap withRelativeWeight(Geometry local, double factor) {
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("relative weight " + factor + " must be finite and ≥ 0");
        }
        if (factor == 0) {
            return withExclusions(local);
        }
        double[] covered = CellCoverage.areasM2(grid, local);
        double[] next = poa.clone();
        double before = 0, after = 0;
        for (int i = 0; i < next.length; i++) {
            before += next[i];
            next[i] *= 1 - (1 - factor) * covered[i] / grid.cellAreaM2();
            after += next[i];
        }
        if (after <= 0) {
            return this;
        }
        for (int i = 0; i < next.length; i++) {
            next[i] *= before / after;
        }
        return new ProbabilityMap(grid, next, outside, cumulativePos, lastPos);
    }

    /**
     * The map with roads and paths attracting probability: {@link LinearFeatureAttraction}.
     *
     * @param linesLocal roads and paths in this map's frame (line strings)
     * @param corridorM half-width of the corridor along a line that counts as "on" it, metres, above 0
     * @param shareOnFeatures share of the map's probability placed in the corridors, 0..1 (dementia: 0.59,
     *     Grampian 2007; see {@code lost-person-distances.csv})
     */
    public ProbabilityMap withLinearFeatures(Geometry linesLocal, double corridorM, double shareOnFeatures) {
        double[] next = LinearFeatureAttraction.apply(grid, poa, linesLocal, corridorM, shareOnFeatures);
        return new ProbabilityMap(grid, next, outside, cumulativePos, lastPos);
    }

    /**
     * Where the subject may be {@code elapsedS} later, had nobody searched: the cells diffused by the
     * subject's {@link SubjectMobility} ({@link MapDiffusion}). Searched, emptied cells regain probability
     * from their neighbours; what walks off the grid joins the outside mass, so the total stays 1.
     *
     * @param elapsedS time since the map was last diffused (or since last seen, for a map drawn at the last
     *     known point and meant for now), seconds, ≥ 0
     */
    public ProbabilityMap diffused(SubjectMobility mobility, double elapsedS) {
        if (!(elapsedS >= 0) || !Double.isFinite(elapsedS)) {
            throw new IllegalArgumentException("elapsed time " + elapsedS + " s must be finite and ≥ 0");
        }
        double[] next = poa.clone();
        double walkedOff = MapDiffusion.diffuse(grid, next, mobility.diffusivityM2PerS(), elapsedS);
        return new ProbabilityMap(grid, next, outside + walkedOff, cumulativePos, lastPos);
    }

    /** {@link #withExclusions(Geometry)} for WGS84 polygons. */
    public ProbabilityMap withExclusions(List<GeoPolygon> areas) {
        return withExclusions(LocalGeometry.project(areas, frame()));
    }

    /**
     * Bayesian update after a search that did not find the subject.
     *
     * <p>Per cell: C = covered area · (W / s) / cell area, POD = 1 − exp(−C) ({@link Detection}); the
     * effort's probability of success POS = Σ POA · POD; then POA' = POA (1 − POD) / (1 − POS) and the
     * outside mass, never searched, becomes outside / (1 − POS). Cumulative POS = 1 − Π (1 − POS_i).
     *
     * @param footprintLocal what the camera saw, in this map's frame ({@link CameraFootprints}); overlapping
     *     parts of one geometry count once, so apply repeated sorties one after the other
     * @param effectiveSweepWidthM W for this sensor, subject and terrain, metres
     * @param swathWidthM the swath the camera imaged across track, metres
     * @throws IllegalStateException when the effort would certainly have found the subject (1 − POS ≈ 0), which
     *     contradicts "not found": the statistics or the coverage are wrong
     */
    public ProbabilityMap applySearchEffort(Geometry footprintLocal, double effectiveSweepWidthM, double swathWidthM) {
        double effectiveness = Detection.effectiveness(effectiveSweepWidthM, swathWidthM);
        double[] covered = CellCoverage.areasM2(grid, footprintLocal);
        double[] next = new double[poa.length];
        double pos = 0;
        for (int i = 0; i < poa.length; i++) {
            double pod = Detection.pod(covered[i] * effectiveness / grid.cellAreaM2());
            pos += poa[i] * pod;
            next[i] = poa[i] * (1 - pod);
        }
        double remaining = 1 - pos;
        if (remaining < 1e-12) {
            throw new IllegalStateException("the search effort leaves no probability anywhere (POS = " + pos
                    + "): the subject should have been found; check the map and the sweep width");
        }
        for (int i = 0; i < next.length; i++) {
            next[i] /= remaining;
        }
        return new ProbabilityMap(grid, next, outside / remaining, 1 - (1 - cumulativePos) * remaining, pos);
    }

    /** {@link #applySearchEffort(Geometry, double, double)} for footprint polygons in WGS84 (e.g. a plan's). */
    public ProbabilityMap applySearchEffort(List<GeoPolygon> footprints, double effectiveSweepWidthM,
                                            double swathWidthM) {
        return applySearchEffort(LocalGeometry.project(footprints, frame()), effectiveSweepWidthM, swathWidthM);
    }

    /** Mass within rM of the last known point; boundary cells by the share of 8 × 8 sub-points inside. */
    public double massWithinM(double rM) {
        double sum = 0, half = grid.cellSizeM() / 2;
        for (int row = 0; row < grid.rows(); row++) {
            for (int col = 0; col < grid.cols(); col++) {
                double cx = grid.centreXM(col), cy = grid.centreYM(row);
                double far = Math.hypot(Math.abs(cx) + half, Math.abs(cy) + half);
                double near = Math.hypot(Math.max(0, Math.abs(cx) - half), Math.max(0, Math.abs(cy) - half));
                if (far <= rM) {
                    sum += poa[row * grid.cols() + col];
                } else if (near < rM) {
                    int in = 0;
                    for (int i = 0; i < 8; i++) {
                        for (int j = 0; j < 8; j++) {
                            double x = cx - half + (i + 0.5) * half / 4, y = cy - half + (j + 0.5) * half / 4;
                            in += Math.hypot(x, y) <= rM ? 1 : 0;
                        }
                    }
                    sum += poa[row * grid.cols() + col] * in / 64.0;
                }
            }
        }
        return sum;
    }

    public SearchGrid grid() {
        return grid;
    }

    public LocalFrame frame() {
        return grid.frame();
    }

    public GeoPoint lastKnownPoint() {
        return grid.frame().origin();
    }

    public double poa(int col, int row) {
        return poa[row * grid.cols() + col];
    }

    /** POA of every cell, row-major (a copy). */
    public double[] poaByCell() {
        return poa.clone();
    }

    /** Σ POA over the cells. */
    public double probabilityInsideMap() {
        return Arrays.stream(poa).sum();
    }

    /** Probability that the subject is beyond the grid. */
    public double probabilityOutsideMap() {
        return outside;
    }

    /** POS of the last effort applied, 0 for a fresh map. */
    public double lastPos() {
        return lastPos;
    }

    /** Probability that the efforts applied so far would have found the subject: 1 − Π (1 − POS_i). */
    public double cumulativePos() {
        return cumulativePos;
    }
}
