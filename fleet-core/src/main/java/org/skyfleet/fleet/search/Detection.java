package org.skyfleet.fleet.search;

/**
 * Koopman's random-search detection function: POD = 1 − exp(−C), with coverage C = W · L / A (effective
 * sweep width times track length over the area searched).
 *
 * <p>For a camera footprint the track length is not needed: the swath of width s flown over a length L
 * sees s · L, so C = (covered area · W / s) / A. W / s is the sensor's effectiveness (W from sweep-width
 * tables for the sensor, the subject and the vegetation; s the swath the camera images). Because
 * 1 − exp(−C1 − C2) = 1 − (1 − POD1)(1 − POD2), two sorties over a cell may be applied one after the
 * other as independent looks.
 */
public final class Detection {
    private Detection() {}

    /** POD for a coverage, 0..1; monotone non-decreasing; 0 for coverage ≤ 0. */
    public static double pod(double coverage) {
        if (!(coverage > 0)) {
            return 0;
        }
        return -Math.expm1(-coverage);
    }

    /**
     * Coverage of one cell.
     *
     * @param coveredM2 area of the cell inside the footprint, square metres
     * @param effectiveSweepWidthM W, metres, ≥ 0
     * @param swathWidthM the imaged swath across track, metres, above 0
     * @param cellAreaM2 the cell's area, square metres
     */
    public static double coverage(double coveredM2, double effectiveSweepWidthM, double swathWidthM,
                                  double cellAreaM2) {
        return coveredM2 * effectiveness(effectiveSweepWidthM, swathWidthM) / cellAreaM2;
    }

    /** W / s, checked. */
    public static double effectiveness(double effectiveSweepWidthM, double swathWidthM) {
        if (!(effectiveSweepWidthM >= 0) || !(swathWidthM > 0) || !Double.isFinite(effectiveSweepWidthM)) {
            throw new IllegalArgumentException("effective sweep width " + effectiveSweepWidthM
                    + " m must be ≥ 0 and swath width " + swathWidthM + " m above 0");
        }
        return effectiveSweepWidthM / swathWidthM;
    }
}
