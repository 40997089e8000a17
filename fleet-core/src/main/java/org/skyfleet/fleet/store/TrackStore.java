package org.skyfleet.fleet.store;

import java.util.List;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;

/** The latest snapshot of every fused track, dropped ones included, so that a track id is never reused. */
public interface TrackStore {
    /** Stores the snapshot, replacing the stored one of the same track. */
    void save(Track track);

    /** The stored tracks that were not {@link TrackState#DROPPED}, oldest id first. */
    List<Track> loadLive();

    /** The highest number {@code N} of a stored {@code trk-N} id; 0 when none is stored. */
    long highestTrackNumber();

    /** The number of a {@code trk-N} id, 0 for an id of another form. */
    static long numberOf(String trackId) {
        if (trackId.startsWith("trk-")) {
            try {
                return Long.parseLong(trackId.substring(4));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
