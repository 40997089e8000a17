package org.skyfleet.fleet.fusion;

import java.util.Objects;
import java.util.Optional;

/**
 * One report of a target at a place and time.
 *
 * @param id unique sighting id, not blank
 * @param sourceKind who reported it
 * @param sourceId the reporting drone, robot, officer or citizen report channel, not blank
 * @param timeMs when the target was seen (not when the report arrived), epoch milliseconds, >= 0
 * @param latDeg WGS84 latitude, -90..90
 * @param lonDeg WGS84 longitude, -180..180
 * @param uncertainty horizontal position uncertainty (one sigma or covariance)
 * @param targetClass what was seen
 * @param confidence the detector's or reporter's confidence, 0..1
 * @param imageRef an optional reference to the frame or photo
 * @param incidentId an optional incident the sighting belongs to; carried onto its track
 * @throws IllegalArgumentException naming the field and the bad value
 */
public record Sighting(String id, SourceKind sourceKind, String sourceId, long timeMs, double latDeg, double lonDeg,
        HorizontalUncertainty uncertainty, TargetClass targetClass, double confidence, Optional<String> imageRef,
        Optional<String> incidentId) {

    public Sighting {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("sighting id must not be blank");
        }
        String where = "sighting " + id + ": ";
        require(sourceKind != null, where + "sourceKind is required");
        require(sourceId != null && !sourceId.isBlank(), where + "sourceId must not be blank");
        require(timeMs >= 0, where + "timeMs must be >= 0 (epoch milliseconds), got " + timeMs);
        require(Double.isFinite(latDeg) && latDeg >= -90 && latDeg <= 90,
                where + "latDeg " + latDeg + " is outside -90..90 (are latitude and longitude swapped?)");
        require(Double.isFinite(lonDeg) && lonDeg >= -180 && lonDeg <= 180,
                where + "lonDeg " + lonDeg + " is outside -180..180");
        require(uncertainty != null, where + "uncertainty is required");
        require(targetClass != null, where + "targetClass is required");
        require(Double.isFinite(confidence) && confidence >= 0 && confidence <= 1,
                where + "confidence " + confidence + " is outside 0..1");
        Objects.requireNonNull(imageRef, "imageRef: use Optional.empty()");
        Objects.requireNonNull(incidentId, "incidentId: use Optional.empty()");
    }

    /** A sighting without image or incident, with a circular one-sigma uncertainty. */
    public static Sighting of(String id, SourceKind sourceKind, String sourceId, long timeMs, double latDeg,
            double lonDeg, double sigmaM, TargetClass targetClass, double confidence) {
        HorizontalUncertainty u;
        try {
            u = HorizontalUncertainty.sigma(sigmaM);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sighting " + id + ": " + e.getMessage(), e);
        }
        return new Sighting(id, sourceKind, sourceId, timeMs, latDeg, lonDeg, u, targetClass, confidence,
                Optional.empty(), Optional.empty());
    }

    /** This sighting filed under an incident. */
    public Sighting withIncident(String incident) {
        return new Sighting(id, sourceKind, sourceId, timeMs, latDeg, lonDeg, uncertainty, targetClass, confidence,
                imageRef, Optional.of(incident));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
