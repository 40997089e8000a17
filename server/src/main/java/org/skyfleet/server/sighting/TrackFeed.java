package org.skyfleet.server.sighting;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.fusion.Tracker;
import org.skyfleet.fleet.store.SightingStore;
import org.skyfleet.fleet.store.TrackStore;

/**
 * The tracker behind the API: each accepted sighting is fused once (a repeated id returns the first
 * answer), every track change is told to listeners in order, and stale tracks are pruned on a timer.
 * Listeners run under the feed's lock and must not block.
 */
public final class TrackFeed {
    /** Sighting ids remembered for de-duplication and for who reported them. */
    private static final int REMEMBERED_SIGHTINGS = 200_000;

    /** What became of one sighting. */
    public record Fused(String trackId, boolean duplicate) {
    }

    private final Tracker tracker;
    private final InstantSource clock;
    private final List<Consumer<TrackUpdate>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Sighting> sightings = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sighting> eldest) {
            return size() > REMEMBERED_SIGHTINGS;
        }
    };
    private final Map<String, String> trackBySighting = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_SIGHTINGS;
        }
    };

    private final SightingStore store;
    private final TrackStore tracks;

    public TrackFeed(Tracker tracker, InstantSource clock) {
        this(tracker, clock, null, null);
    }

    /**
     * Each new sighting is stored before it is fused, and the tracks it changed after, before it is
     * acknowledged. The tracker continues the tracks {@code tracks} holds from before a restart.
     */
    public TrackFeed(Tracker tracker, InstantSource clock, SightingStore store, TrackStore tracks) {
        this.tracker = tracker;
        this.clock = clock;
        this.store = store;
        this.tracks = tracks;
        if (tracks != null) {
            tracker.resume(tracks.loadLive(), tracks.highestTrackNumber());
        }
    }

    public synchronized Fused report(Sighting s) {
        if (sightings.containsKey(s.id()) || (store != null && store.contains(s.id()))) {
            return new Fused(trackBySighting.computeIfAbsent(s.id(), this::trackHolding), true);
        }
        if (store != null) {
            store.append(s);
        }
        sightings.put(s.id(), s);
        List<TrackUpdate> updates = tracker.process(s, clock.millis());
        String trackId = "";
        for (TrackUpdate u : updates) {
            if (u.track().sightingIds().contains(s.id())) {
                trackId = u.track().id();
            }
        }
        trackBySighting.put(s.id(), trackId);
        save(updates);
        tell(updates);
        return new Fused(trackId, false);
    }

    /** Drops tracks gone stale; call every few seconds. */
    public synchronized void prune() {
        List<TrackUpdate> dropped = tracker.prune(clock.millis());
        save(dropped);
        tell(dropped);
    }

    private void save(List<TrackUpdate> updates) {
        if (tracks != null) {
            updates.forEach(u -> tracks.save(u.track()));
        }
    }

    /** The live track a sighting was fused into before a restart, or "" if none holds it now. */
    private String trackHolding(String sightingId) {
        return tracker.tracks().stream().filter(t -> t.sightingIds().contains(sightingId)).map(Track::id)
                .findFirst().orElse("");
    }

    public synchronized Optional<Sighting> sighting(String id) {
        return Optional.ofNullable(sightings.get(id));
    }

    public List<Track> tracks() {
        return tracker.tracks();
    }

    public Optional<Track> track(String id) {
        return tracker.track(id);
    }

    /**
     * Hands {@code snapshot} the live tracks and subscribes, atomically: no change is missed, and none is
     * followed by an older snapshot of the same track.
     */
    public synchronized void subscribe(Consumer<TrackUpdate> listener, Consumer<List<Track>> snapshot) {
        snapshot.accept(new ArrayList<>(tracker.tracks()));
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<TrackUpdate> listener) {
        listeners.remove(listener);
    }

    private void tell(List<TrackUpdate> updates) {
        for (TrackUpdate u : updates) {
            for (Consumer<TrackUpdate> l : listeners) {
                l.accept(u);
            }
        }
    }
}
