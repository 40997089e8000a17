package org.skyfleet.fleet.fusion;

/**
 * One change to the track picture, in the order it happened; what the server streams.
 *
 * @param kind what changed
 * @param track the track after the change
 */
public record TrackUpdate(Kind kind, Track track) {

    /** What changed. */
    public enum Kind {
        /** A new tentative track from an unassociated sighting. */
        CREATED,
        /** A sighting was fused into the track. */
        UPDATED,
        /** A sighting was fused and the track became confirmed. */
        CONFIRMED,
        /** The track went stale and was deleted. */
        DROPPED
    }
}
