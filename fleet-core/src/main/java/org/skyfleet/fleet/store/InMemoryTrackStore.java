package org.skyfleet.fleet.store;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;

/** Tracks in memory, in track-number order, under the {@link InMemoryStore}'s one lock. */
final class InMemoryTrackStore implements TrackStore {
    private final Object lock;
    private final Map<String, Track> tracks = new TreeMap<>(Comparator.comparingLong(TrackStore::numberOf)
            .thenComparing(Comparator.naturalOrder()));

    InMemoryTrackStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public void save(Track track) {
        synchronized (lock) {
            tracks.put(track.id(), track);
        }
    }

    @Override
    public List<Track> loadLive() {
        synchronized (lock) {
            return tracks.values().stream().filter(t -> t.state() != TrackState.DROPPED).toList();
        }
    }

    @Override
    public long highestTrackNumber() {
        synchronized (lock) {
            return tracks.keySet().stream().mapToLong(TrackStore::numberOf).max().orElse(0);
        }
    }
}
