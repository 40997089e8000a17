package org.skyfleet.fleet.command;

import java.util.Objects;

/**
 * One command for a vehicle: a verb and the parameters it takes, in SI units. Parameters a verb does not take
 * are NaN. Build commands with the factory methods, which check ranges.
 *
 * @param verb     what to do
 * @param latDeg   WGS84 latitude, -90..90: the target of {@link CommandVerb#GOTO}, the centre of {@link CommandVerb#ORBIT},
 *                 the spot of {@link CommandVerb#ROI}
 * @param lonDeg   WGS84 longitude, -180..180 ({@link CommandVerb#GOTO}, {@link CommandVerb#ORBIT}, {@link CommandVerb#ROI})
 * @param altRelM  altitude above home, metres: -1,000..10,000 for {@link CommandVerb#TAKEOFF}, {@link CommandVerb#GOTO}
 *                 and {@link CommandVerb#ROI};
 *                 above 0 up to 10,000 for {@link CommandVerb#ORBIT}
 * @param speedMps metres per second: the ground speed of {@link CommandVerb#SET_SPEED}, 0..100 exclusive of 0; the
 *                 tangential speed of {@link CommandVerb#ORBIT}, -20..20, positive clockwise seen from above
 * @param radiusM  radius of an {@link CommandVerb#ORBIT}, metres, 5..1,000
 */
public record VehicleCommand(CommandVerb verb, double latDeg, double lonDeg, double altRelM, double speedMps,
                             double radiusM) {
    /** Smallest orbit radius, metres. */
    public static final double ORBIT_MIN_RADIUS_M = 5;
    /** Largest orbit radius, metres. */
    public static final double ORBIT_MAX_RADIUS_M = 1_000;
    /** Largest orbit tangential speed either way, metres per second. */
    public static final double ORBIT_MAX_SPEED_MPS = 20;
    private static final double NONE = Double.NaN;

    public VehicleCommand {
        Objects.requireNonNull(verb, "verb");
        boolean orbit = verb == CommandVerb.ORBIT;
        boolean roi = verb == CommandVerb.ROI;
        boolean position = verb == CommandVerb.GOTO || orbit || roi;
        boolean altitude = verb == CommandVerb.GOTO || verb == CommandVerb.TAKEOFF || orbit || roi;
        boolean speed = verb == CommandVerb.SET_SPEED || orbit;
        check(position, latDeg, -90, 90, "latDeg");
        check(position, lonDeg, -180, 180, "lonDeg");
        if (orbit) {
            if (!(altRelM > 0 && altRelM <= 10_000)) {
                throw new IllegalArgumentException("altRelM of an orbit must be above 0 and at most 10000.0, got " + altRelM);
            }
        } else {
            check(altitude, altRelM, -1_000, 10_000, "altRelM");
        }
        check(speed, speedMps, orbit ? -ORBIT_MAX_SPEED_MPS : 0, orbit ? ORBIT_MAX_SPEED_MPS : 100, "speedMps");
        if (verb == CommandVerb.SET_SPEED && speedMps == 0) {
            throw new IllegalArgumentException("speedMps must be above 0");
        }
        check(orbit, radiusM, ORBIT_MIN_RADIUS_M, ORBIT_MAX_RADIUS_M, "radiusM");
    }

    /** True for an orbit flown clockwise seen from above (a speed of 0 counts as clockwise, as MAVLink's radius sign does). */
    public boolean clockwise() {
        return !(speedMps < 0);
    }

    private static void check(boolean taken, double value, double min, double max, String name) {
        if (!taken) {
            if (!Double.isNaN(value)) {
                throw new IllegalArgumentException(name + " is not a parameter of this verb");
            }
            return;
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
        }
    }

    /** A verb that takes no parameters. */
    public static VehicleCommand of(CommandVerb verb) {
        return new VehicleCommand(verb, NONE, NONE, NONE, NONE, NONE);
    }

    public static VehicleCommand arm() {
        return of(CommandVerb.ARM);
    }

    public static VehicleCommand disarm() {
        return of(CommandVerb.DISARM);
    }

    public static VehicleCommand takeoff(double altRelM) {
        return new VehicleCommand(CommandVerb.TAKEOFF, NONE, NONE, altRelM, NONE, NONE);
    }

    public static VehicleCommand goTo(double latDeg, double lonDeg, double altRelM) {
        return new VehicleCommand(CommandVerb.GOTO, latDeg, lonDeg, altRelM, NONE, NONE);
    }

    /**
     * Circle a centre until another command ends it.
     *
     * @param latDeg   centre latitude, -90..90
     * @param lonDeg   centre longitude, -180..180
     * @param altRelM  altitude above home, above 0 up to 10,000 m
     * @param radiusM  distance from the centre, 5..1,000 m
     * @param speedMps tangential speed, -20..20 m/s: positive clockwise seen from above, negative counter-clockwise
     */
    public static VehicleCommand orbit(double latDeg, double lonDeg, double altRelM, double radiusM, double speedMps) {
        return new VehicleCommand(CommandVerb.ORBIT, latDeg, lonDeg, altRelM, speedMps, radiusM);
    }

    /**
     * Point the camera at a spot and keep it there (MAVLink's region of interest).
     *
     * @param latDeg  the spot's latitude, -90..90
     * @param lonDeg  the spot's longitude, -180..180
     * @param altRelM the spot's altitude above home, -1,000..10,000 m: 0 for the ground at home's level
     */
    public static VehicleCommand roi(double latDeg, double lonDeg, double altRelM) {
        return new VehicleCommand(CommandVerb.ROI, latDeg, lonDeg, altRelM, NONE, NONE);
    }

    public static VehicleCommand hold() {
        return of(CommandVerb.HOLD);
    }

    public static VehicleCommand returnToLaunch() {
        return of(CommandVerb.RETURN_TO_LAUNCH);
    }

    public static VehicleCommand land() {
        return of(CommandVerb.LAND);
    }

    public static VehicleCommand setSpeed(double speedMps) {
        return new VehicleCommand(CommandVerb.SET_SPEED, NONE, NONE, NONE, speedMps, NONE);
    }

    public static VehicleCommand missionStart() {
        return of(CommandVerb.MISSION_START);
    }

    public static VehicleCommand missionPause() {
        return of(CommandVerb.MISSION_PAUSE);
    }

    public static VehicleCommand missionResume() {
        return of(CommandVerb.MISSION_RESUME);
    }

    public static VehicleCommand kill() {
        return of(CommandVerb.KILL);
    }
}
