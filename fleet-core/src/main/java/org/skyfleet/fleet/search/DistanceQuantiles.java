package org.skyfleet.fleet.search;

import java.util.Locale;

/**
 * Where subjects of one category were found: quantiles of the straight-line distance from the last
 * known point, kilometres.
 *
 * @param category the subject category
 * @param terrain the terrain or region the figures are for ("temperate-flat", "urban", "UK")
 * @param p25Km 25 % of subjects were found within this distance, km, above 0
 * @param p50Km median distance, km, above p25Km
 * @param p75Km 75 % within, km, above p50Km
 * @param p95Km 95 % within, km, above p75Km
 * @param sampleSize number of cases behind the figures, 0 when not known
 * @param source the publication the figures come from
 */
public record DistanceQuantiles(SubjectCategory category, String terrain, double p25Km, double p50Km,
                                double p75Km, double p95Km, int sampleSize, String source) {

    public DistanceQuantiles {
        if (category == null) {
            throw new IllegalArgumentException("distance quantiles need a subject category");
        }
        if (!(p25Km > 0) || !(p50Km > p25Km) || !(p75Km > p50Km) || !(p95Km > p75Km) || !Double.isFinite(p95Km)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s %s: quantiles must be positive and strictly increasing, got p25=%s p50=%s p75=%s p95=%s km",
                    category, terrain, p25Km, p50Km, p75Km, p95Km));
        }
        if (sampleSize < 0) {
            throw new IllegalArgumentException(category + " " + terrain + ": sample size " + sampleSize
                    + " must be 0 (unknown) or more");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(category + " " + terrain + ": every row must cite its source");
        }
    }
}
