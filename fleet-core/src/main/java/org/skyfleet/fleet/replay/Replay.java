package org.skyfleet.fleet.replay;

import java.time.Instant;
import java.util.List;
import org.skyfleet.fleet.incident.TimelineEntry;

/**
 * What happened over a window, to play back: the timeline and every track.
 *
 * @param from     the window's start (an incident's report, a mission's first flight)
 * @param to       its end: when it closed or ended, or the time of asking while it is still open
 * @param open     the incident or mission was still going when asked
 * @param timeline entries within the window, oldest first, as codes and parameters
 */
public record Replay(Instant from, Instant to, boolean open, List<TimelineEntry> timeline, List<ReplayTrack> tracks) {
    public Replay {
        timeline = List.copyOf(timeline);
        tracks = List.copyOf(tracks);
    }

    /** The points of every track together. */
    public int points() {
        return tracks.stream().mapToInt(t -> t.points().size()).sum();
    }
}
