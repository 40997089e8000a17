package org.skyfleet.server.automation;

import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * When a track sets off a response ({@link TrackResponse}) and when it is the subject already being
 * followed. The search benchmark judges its tracks by the same rules.
 */
public final class ConfirmedTrackRules {
    /** Faster than a person runs for long: a "person" track moving faster is made of false detections. */
    public static final double MAX_PERSON_SPEED_MPS = 3.0;
    /** A second confirmed track this close to the subject's is the same subject (the tracker split it). */
    public static final double SAME_SUBJECT_M = 150;

    private ConfirmedTrackRules() {
    }

    /** A live, confirmed track: the only kind a response acts on. */
    public static boolean confirmed(TrackUpdate u) {
        return u.kind() != TrackUpdate.Kind.DROPPED && u.track().state() == TrackState.CONFIRMED;
    }

    /**
     * Moves as its class can: a person track faster than {@link #MAX_PERSON_SPEED_MPS} is detections strung
     * along a drone's path, not acted on yet. Other classes are not judged by speed.
     */
    public static boolean plausibleSpeed(Track t) {
        return t.targetClass() != TargetClass.PERSON || t.speedMps() <= MAX_PERSON_SPEED_MPS;
    }

    /** A new confirmed person track at {@code at} is the followed subject, last seen at {@code followedAt}. */
    public static boolean sameSubject(GeoPoint followedAt, GeoPoint at) {
        return GreatCircle.distanceM(followedAt, at) <= SAME_SUBJECT_M;
    }
}
