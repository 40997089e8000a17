package org.skyfleet.fleet.fusion;

/** Lifecycle of a track. */
public enum TrackState {
    /** Started by one unassociated sighting; may be a false detection. */
    TENTATIVE,
    /** Enough consistent sightings within the confirmation window. */
    CONFIRMED,
    /** Removed for staleness; only ever seen in a {@link TrackUpdate.Kind#DROPPED} update. */
    DROPPED
}
