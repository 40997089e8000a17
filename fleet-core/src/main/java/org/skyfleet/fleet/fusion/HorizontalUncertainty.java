package org.skyfleet.fleet.fusion;

/**
 * Horizontal position uncertainty of a sighting as a 2x2 covariance in the local east/north plane, m².
 * A circular one-sigma radius {@code s} is the covariance {@code diag(s², s²)}.
 *
 * @param eastVarM2 variance along east, m²
 * @param eastNorthCovM2 east/north covariance, m²
 * @param northVarM2 variance along north, m²
 * @throws IllegalArgumentException naming the field when not finite, not positive definite or with a
 *     standard deviation of {@value #MAX_SIGMA_M} m or more along some axis
 */
public record HorizontalUncertainty(double eastVarM2, double eastNorthCovM2, double northVarM2) {
    /** Beyond this a report says "somewhere in town" and cannot be fused usefully. */
    public static final double MAX_SIGMA_M = 10_000;

    public HorizontalUncertainty {
        if (!Double.isFinite(eastVarM2) || !Double.isFinite(eastNorthCovM2) || !Double.isFinite(northVarM2)) {
            throw new IllegalArgumentException("uncertainty covariance must be finite, got [[" + eastVarM2 + ", "
                    + eastNorthCovM2 + "], [" + eastNorthCovM2 + ", " + northVarM2 + "]] m²");
        }
        // Sylvester's criterion for a symmetric 2x2 matrix.
        if (eastVarM2 <= 0 || northVarM2 <= 0 || eastVarM2 * northVarM2 - eastNorthCovM2 * eastNorthCovM2 <= 0) {
            throw new IllegalArgumentException("uncertainty covariance must be positive definite, got [["
                    + eastVarM2 + ", " + eastNorthCovM2 + "], [" + eastNorthCovM2 + ", " + northVarM2 + "]] m²");
        }
        double maxSigmaM = Math.sqrt(largestEigenvalue(eastVarM2, eastNorthCovM2, northVarM2));
        if (maxSigmaM >= MAX_SIGMA_M) {
            throw new IllegalArgumentException("uncertainty covariance has a standard deviation of " + maxSigmaM
                    + " m along its major axis, must be below " + MAX_SIGMA_M + " m");
        }
    }

    /** A circular uncertainty with one-sigma radius {@code sigmaM}, 0 < sigmaM < 10 km. */
    public static HorizontalUncertainty sigma(double sigmaM) {
        if (!Double.isFinite(sigmaM) || sigmaM <= 0 || sigmaM >= MAX_SIGMA_M) {
            throw new IllegalArgumentException(
                    "uncertainty sigmaM must be > 0 and < " + MAX_SIGMA_M + " m, got " + sigmaM);
        }
        return new HorizontalUncertainty(sigmaM * sigmaM, 0, sigmaM * sigmaM);
    }

    /** A covariance given as a 2x2 row-major matrix (east, north), m²; it must be symmetric. */
    public static HorizontalUncertainty covariance(double[][] m2) {
        if (m2 == null || m2.length != 2 || m2[0] == null || m2[1] == null || m2[0].length != 2
                || m2[1].length != 2) {
            throw new IllegalArgumentException("uncertainty covariance must be a 2x2 matrix");
        }
        if (Double.compare(m2[0][1], m2[1][0]) != 0) {
            throw new IllegalArgumentException("uncertainty covariance must be symmetric, got east/north "
                    + m2[0][1] + " and north/east " + m2[1][0] + " m²");
        }
        return new HorizontalUncertainty(m2[0][0], m2[0][1], m2[1][1]);
    }

    static double largestEigenvalue(double a, double b, double d) {
        double mean = (a + d) / 2;
        return mean + Math.hypot((a - d) / 2, b);
    }
}
