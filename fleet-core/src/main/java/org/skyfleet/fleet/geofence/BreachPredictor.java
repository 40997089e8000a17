package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.vehicle.VehicleKind;

/**
 * Predicts which zones a vehicle will breach within a horizon if it keeps its velocity.
 *
 * <p>Definition: the path is the straight 3-D segment from the position to position + v * horizon
 * (north, east, down velocities; altitude rises by -vDown * t). A zone is predicted to be breached at
 * the first point of that segment where {@link ZoneIndex#check} would report it, strictly after the
 * start; time = s * horizon, distance = s * segment length. Zones already breached at the start are
 * current breaches, not predictions, and are left out. Zones are taken as active or not at the
 * position's time for the whole horizon.
 *
 * <p>Degenerate cases: a vehicle at rest predicts nothing new (its segment is a point); a NaN velocity
 * component counts as 0.
 */
public final class BreachPredictor {
    /** The horizon used unless another is given, seconds. */
    public static final double DEFAULT_HORIZON_S = 20;
    private static final double EPS = 1e-9;

    private final double horizonS;

    public BreachPredictor() {
        this(DEFAULT_HORIZON_S);
    }

    /** @param horizonS how far ahead to look, seconds, above 0 */
    public BreachPredictor(double horizonS) {
        if (!(horizonS > 0) || Double.isInfinite(horizonS)) {
            throw new IllegalArgumentException("horizon must be a positive number of seconds, got " + horizonS);
        }
        this.horizonS = horizonS;
    }

    public double horizonS() {
        return horizonS;
    }

    /**
     * The breaches ahead, earliest first.
     *
     * @param vNorthMps velocity north, metres per second
     * @param vEastMps  velocity east, metres per second
     * @param vDownMps  velocity down, metres per second (positive descending)
     */
    public List<PredictedBreach> predict(ZoneIndex index, String vehicleId, VehicleKind kind, FlightPoint position,
                                         double vNorthMps, double vEastMps, double vDownMps, Instant now) {
        double vn = finiteOrZero(vNorthMps);
        double ve = finiteOrZero(vEastMps);
        double vu = -finiteOrZero(vDownMps);
        double lengthM = Math.sqrt(vn * vn + ve * ve + vu * vu) * horizonS;
        if (lengthM < 1e-6) {
            return List.of();
        }
        FlightPoint end = position.moved(ve * horizonS, vn * horizonS, vu * horizonS);
        List<PredictedBreach> out = new ArrayList<>();
        for (SegmentBreach b : SegmentBreaches.along(index, vehicleId, kind, position, end, now)) {
            if (b.s() > EPS) {
                out.add(new PredictedBreach(b.zone(), b.reason(), b.s() * horizonS, b.s() * lengthM));
            }
        }
        return out;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
