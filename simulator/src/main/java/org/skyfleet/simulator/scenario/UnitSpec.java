package org.skyfleet.simulator.scenario;

import java.util.Objects;

/**
 * A police ground unit of the scenario (an officer on foot, a patrol car, a boat) whose phone app
 * reports its position and takes assignments from the control plane's dispatch service.
 *
 * @param id                 unit id, as the app names itself to the server ("officer-1")
 * @param type               OFFICER_ON_FOOT, PATROL_CAR or BOAT
 * @param callsign           radio callsign ("Echo 11"); default the id
 * @param start              where it stands at the start
 * @param speedMps           travelling speed, metres per second, &gt; 0 (default 1.6 on foot: a brisk walk,
 *                           10 for a car, 8 for a boat); it goes in a straight line, there is no road network
 * @param acknowledges       whether the app acknowledges an offered assignment (default true; false tests
 *                           the server's reassignment to the next unit)
 * @param acknowledgeDelayS  simulated seconds between an offer and its acknowledgement, &gt;= 0 (default 0)
 * @param arrivalRadiusM     distance to the target at which the unit reports arrival, metres, &gt; 0
 *                           (default 15)
 */
public record UnitSpec(String id, Type type, String callsign, GeoPoint start, Double speedMps, Boolean acknowledges,
                       Double acknowledgeDelayS, Double arrivalRadiusM) {

    /** What kind of ground unit it is. */
    public enum Type {
        OFFICER_ON_FOOT(1.6), PATROL_CAR(10), BOAT(8);

        private final double defaultSpeedMps;

        Type(double defaultSpeedMps) {
            this.defaultSpeedMps = defaultSpeedMps;
        }

        public double defaultSpeedMps() {
            return defaultSpeedMps;
        }
    }

    public UnitSpec {
        Objects.requireNonNull(id, "unit id");
        Objects.requireNonNull(type, "unit type of " + id);
        Objects.requireNonNull(start, "start of unit " + id);
        callsign = callsign == null ? id : callsign;
        speedMps = speedMps == null ? type.defaultSpeedMps() : speedMps;
        acknowledges = acknowledges == null || acknowledges;
        acknowledgeDelayS = acknowledgeDelayS == null ? 0.0 : acknowledgeDelayS;
        arrivalRadiusM = arrivalRadiusM == null ? 15.0 : arrivalRadiusM;
        if (!(speedMps > 0 && speedMps < 100)) {
            throw new IllegalArgumentException("unit " + id + ": speedMps must be in (0, 100), got " + speedMps);
        }
        if (!(acknowledgeDelayS >= 0 && acknowledgeDelayS < 86_400)) {
            throw new IllegalArgumentException("unit " + id + ": acknowledgeDelayS must be >= 0, got " + acknowledgeDelayS);
        }
        if (!(arrivalRadiusM > 0 && arrivalRadiusM < 10_000)) {
            throw new IllegalArgumentException("unit " + id + ": arrivalRadiusM must be > 0, got " + arrivalRadiusM);
        }
    }

    /** An officer on foot at {@code start} with every default. */
    public static UnitSpec officer(String id, GeoPoint start) {
        return new UnitSpec(id, Type.OFFICER_ON_FOOT, null, start, null, null, null, null);
    }
}
