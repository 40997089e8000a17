package org.skyfleet.fleet.fusion;

/**
 * A track's 2x2 horizontal position covariance, east/north, m².
 *
 * @param eastVarM2 variance along east, m²
 * @param eastNorthCovM2 east/north covariance, m²
 * @param northVarM2 variance along north, m²
 */
public record PositionCovariance(double eastVarM2, double eastNorthCovM2, double northVarM2) {
    /** Chi-square quantile for 2 degrees of freedom at 95%: {@code -2 ln 0.05}. */
    public static final double CHI2_2DOF_95 = 5.991;

    /** The ellipse holding the true position with 95% probability. */
    public PositionEllipse ellipse95() {
        return ellipse(CHI2_2DOF_95);
    }

    /**
     * The ellipse {@code pᵀ P⁻¹ p = chiSquare}: semi-axes {@code sqrt(chiSquare λ)} for the eigenvalues λ
     * of P; the major axis lies at {@code ½ atan2(2 cov, varE − varN)} from east, reported as a bearing.
     */
    public PositionEllipse ellipse(double chiSquare) {
        double mean = (eastVarM2 + northVarM2) / 2;
        double radius = Math.hypot((eastVarM2 - northVarM2) / 2, eastNorthCovM2);
        double major = Math.sqrt(chiSquare * (mean + radius));
        double minor = Math.sqrt(chiSquare * Math.max(0, mean - radius));
        double fromEastDeg = Math.toDegrees(0.5 * Math.atan2(2 * eastNorthCovM2, eastVarM2 - northVarM2));
        double bearingDeg = ((90 - fromEastDeg) % 180 + 180) % 180;
        return new PositionEllipse(major, minor, bearingDeg);
    }
}
