package org.skyfleet.fleet.fusion;

import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/** Sightings placed in metres around a fixed origin, and a tracker anchored there. */
final class FusionFixtures {
    static final GeoPoint ORIGIN = new GeoPoint(51.5034, -0.1276);
    static final LocalFrame FRAME = new LocalFrame(ORIGIN);
    static final long T0_MS = 1_790_000_000_000L;

    private FusionFixtures() {
    }

    static Tracker tracker() {
        return new Tracker(TrackerConfig.defaults().withOrigin(ORIGIN));
    }

    /** A drone sighting {@code tS} seconds after T0 at {@code (eastM, northM)}. */
    static Sighting drone(String id, double tS, double eastM, double northM, double sigmaM, TargetClass cls) {
        return at(id, SourceKind.DRONE, "drone-1", tS, eastM, northM, sigmaM, cls, 0.8);
    }

    static Sighting at(String id, SourceKind kind, String sourceId, double tS, double eastM, double northM,
            double sigmaM, TargetClass cls, double confidence) {
        GeoPoint g = FRAME.toGeo(eastM, northM);
        return Sighting.of(id, kind, sourceId, T0_MS + Math.round(tS * 1000), g.latDeg(), g.lonDeg(), sigmaM, cls,
                confidence);
    }

    /** Metres east (x) and north (y) of the origin of a track's position. */
    static double[] local(Track t) {
        var c = FRAME.toLocal(new GeoPoint(t.latDeg(), t.lonDeg()));
        return new double[] {c.x, c.y};
    }
}
