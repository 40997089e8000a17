package org.skyfleet.simulator.ais;

import org.skyfleet.simulator.world.LocalFrame;

/**
 * A fishing boat on a day's schedule, a pure function of simulated time: in port until {@code departS}, steams
 * to its fishing ground at {@code transitMps}, trawls there on a heading at {@code trawlMps} for {@code fishS},
 * steams home, and is moored again. A boat that goes dark stops transmitting at {@code darkAtS} but sails on as
 * before (its AIS is off, not the boat).
 *
 * @param darkAtS simulated seconds at which it goes silent; negative: never
 */
public record FishingBoat(long mmsi, String name, String callSign, double portLatDeg, double portLonDeg, double groundLatDeg,
                          double groundLonDeg, double departS, double transitMps, double trawlMps, double trawlCourseDeg,
                          double fishS, double darkAtS) {
    /** Where the boat is, what it is doing, at one time. */
    public record Fix(double latDeg, double lonDeg, double speedMps, double courseDeg, int navStatus) {
    }

    public boolean transmitsAt(double tS) {
        return darkAtS < 0 || tS < darkAtS;
    }

    public Fix at(double tS) {
        LocalFrame f = new LocalFrame(portLatDeg, portLonDeg);
        double gE = f.eastM(groundLonDeg);
        double gN = f.northM(groundLatDeg);
        double dist = Math.hypot(gE, gN);
        double outCourse = (Math.toDegrees(Math.atan2(gE, gN)) + 360) % 360;
        double transitS = dist / transitMps;
        double t = tS - departS;
        if (t < 0) {
            return new Fix(portLatDeg, portLonDeg, 0, 0, 5); // moored
        }
        if (t < transitS) {
            double s = t / transitS;
            return new Fix(f.latDeg(gN * s), f.lonDeg(gE * s), transitMps, outCourse, 0);
        }
        t -= transitS;
        double c = Math.toRadians(trawlCourseDeg);
        if (t < fishS) {
            return new Fix(f.latDeg(gN + Math.cos(c) * trawlMps * t), f.lonDeg(gE + Math.sin(c) * trawlMps * t), trawlMps, trawlCourseDeg, 7);
        }
        double endE = gE + Math.sin(c) * trawlMps * fishS;
        double endN = gN + Math.cos(c) * trawlMps * fishS;
        double home = Math.hypot(endE, endN);
        double back = t - fishS;
        double homeCourse = (Math.toDegrees(Math.atan2(-endE, -endN)) + 360) % 360;
        if (back * transitMps < home) {
            double s = 1 - back * transitMps / home;
            return new Fix(f.latDeg(endN * s), f.lonDeg(endE * s), transitMps, homeCourse, 0);
        }
        return new Fix(portLatDeg, portLonDeg, 0, 0, 5);
    }
}
