package org.skyfleet.server.automation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.fusion.Tracker;

/**
 * When a search drone turns back for a second look: its camera saw a person one hit short of the burst that
 * confirms a camera-only track ({@link Tracker#CAMERA_BURST_HITS} within {@link Tracker#CAMERA_BURST_MS}), so
 * without a look the track stays tentative until some later pass, if one comes. At night or under canopy a
 * pass often sees a person only twice; holding over the spot for {@link #HOLD_S} looks again every second.
 * A detector's single false alarms do not trigger it; two within one pass inside one track's gate do, now and
 * then, and cost the drone {@link #HOLD_S} s plus the way back and on. The live search ({@link SecondLook}) and the
 * search benchmark act on the same rule.
 */
public final class SecondLookRule {
    /**
     * Seconds held over the spot, once there, looking once a second. The look wants three hits of its own (the pass's
     * two are soon older than the burst): seen on 30 % of looks (a thermal core at night under half canopy, off nadir),
     * 25 looks give three 99 % of the time, 15 looks 87 %. Looks are rare (about one per flight-hour in the search
     * benchmark, false ones included), so the longer hold costs well under 1 % of the flying.
     */
    public static final int HOLD_S = 25;
    /** Farther than this from the spot, the drone has flown on too far for a quick look. */
    public static final double MAX_DISTANCE_M = 200;

    private SecondLookRule() {
    }

    /**
     * The drone whose camera should look again at this track: a tentative person track whose latest sighting
     * is a drone's, with that drone's hits within the burst window one short of confirming. Empty otherwise.
     *
     * @param sightings the sightings by id (the tracker's feed)
     */
    public static Optional<String> lookingDrone(TrackUpdate u, Function<String, Optional<Sighting>> sightings) {
        Track t = u.track();
        if (u.kind() != TrackUpdate.Kind.UPDATED || t.state() != TrackState.TENTATIVE || t.targetClass() != TargetClass.PERSON) {
            return Optional.empty();
        }
        List<String> ids = t.sightingIds();
        Optional<Sighting> latest = sightings.apply(ids.get(ids.size() - 1));
        if (latest.isEmpty() || latest.get().sourceKind() != SourceKind.DRONE) {
            return Optional.empty();
        }
        Sighting last = latest.get();
        int inBurst = 0;
        for (int i = ids.size() - 1; i >= 0 && inBurst < Tracker.CAMERA_BURST_HITS; i--) {
            Optional<Sighting> s = sightings.apply(ids.get(i));
            if (s.isPresent() && s.get().sourceKind() == SourceKind.DRONE && s.get().sourceId().equals(last.sourceId())
                    && last.timeMs() - s.get().timeMs() <= Tracker.CAMERA_BURST_MS) {
                inBurst++;
            }
        }
        return inBurst == Tracker.CAMERA_BURST_HITS - 1 ? Optional.of(last.sourceId()) : Optional.empty();
    }
}
