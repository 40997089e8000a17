package org.skyfleet.fleet.command;

import java.util.Objects;

/**
 * One command for a vehicle: a verb and the parameters it takes, in SI units. Parameters a verb does not take
 * are NaN. Build commands with the factory methods, which check ranges.
 *
 * @param verb     what to do
 * @param latDeg   WGS84 latitude, -90..90 ({@link CommandVerb#GOTO} only)
 * @param lonDeg   WGS84 longitude, -180..180 ({@link CommandVerb#GOTO} only)
 * @param altRelM  altitude above home, metres, -1,000..10,000 ({@link CommandVerb#TAKEOFF}, {@link CommandVerb#GOTO})
 * @param speedMps ground speed, metres per second, 0..100 exclusive of 0 ({@link CommandVerb#SET_SPEED} only)
 */
public record VehicleCommand(CommandVerb verb, double latDeg, double lonDeg, double altRelM, double speedMps) {
    private static final double NONE = Double.NaN;

    public VehicleCommand {
        Objects.requireNonNull(verb, "verb");
        boolean position = verb == CommandVerb.GOTO;
        boolean altitude = verb == CommandVerb.GOTO || verb == CommandVerb.TAKEOFF;
        boolean speed = verb == CommandVerb.SET_SPEED;
        check(position, latDeg, -90, 90, "latDeg");
        check(position, lonDeg, -180, 180, "lonDeg");
        check(altitude, altRelM, -1_000, 10_000, "altRelM");
        check(speed, speedMps, 0, 100, "speedMps");
        if (speed && speedMps == 0) {
            throw new IllegalArgumentException("speedMps must be above 0");
        }
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
        return new VehicleCommand(verb, NONE, NONE, NONE, NONE);
    }

    public static VehicleCommand arm() {
        return of(CommandVerb.ARM);
    }

    public static VehicleCommand disarm() {
        return of(CommandVerb.DISARM);
    }

    public static VehicleCommand takeoff(double altRelM) {
        return new VehicleCommand(CommandVerb.TAKEOFF, NONE, NONE, altRelM, NONE);
    }

    public static VehicleCommand goTo(double latDeg, double lonDeg, double altRelM) {
        return new VehicleCommand(CommandVerb.GOTO, latDeg, lonDeg, altRelM, NONE);
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
        return new VehicleCommand(CommandVerb.SET_SPEED, NONE, NONE, NONE, speedMps);
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
