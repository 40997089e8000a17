package org.skyfleet.fleet.fusion;

import java.util.List;
import java.util.Optional;

/**
 * An immutable view of a track as of its last update. Position, velocity and covariance refer to
 * {@code lastUpdateMs}; extrapolate with the velocity for a later time.
 *
 * @param id track id, unique within a tracker
 * @param state lifecycle state
 * @param targetClass what is tracked; an OTHER track takes the class of the first classified sighting
 * @param latDeg WGS84 latitude, -90..90
 * @param lonDeg WGS84 longitude, -180..180
 * @param velocityEastMps velocity east, m/s
 * @param velocityNorthMps velocity north, m/s
 * @param positionCovariance horizontal position covariance, m²
 * @param ellipse95 the 95% position ellipse, for display
 * @param sightingIds the sightings fused into the track, oldest first (the most recent
 *     1,000 for a long-lived track)
 * @param firstUpdateMs time of the earliest sighting, epoch ms
 * @param lastUpdateMs time of the newest sighting, epoch ms
 * @param confidence existence probability, 0..1
 * @param incidentId the incident of the latest sighting that named one
 */
public record Track(String id, TrackState state, TargetClass targetClass, double latDeg, double lonDeg,
        double velocityEastMps, double velocityNorthMps, PositionCovariance positionCovariance,
        PositionEllipse ellipse95, List<String> sightingIds, long firstUpdateMs, long lastUpdateMs,
        double confidence, Optional<String> incidentId) {

    public Track {
        sightingIds = List.copyOf(sightingIds);
    }

    /** Speed over ground, m/s. */
    public double speedMps() {
        return Math.hypot(velocityEastMps, velocityNorthMps);
    }
}
