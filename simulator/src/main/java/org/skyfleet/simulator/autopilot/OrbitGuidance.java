package org.skyfleet.simulator.autopilot;

import org.skyfleet.simulator.vehicle.Setpoint;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * Circles a centre as PX4's Orbit flight task does for MAV_CMD_DO_ORBIT: fly to the nearest point of the
 * circle, then round it at the commanded tangential speed, clockwise seen from above for a positive speed.
 *
 * <p>Steps, each control step: (1) the centre flown glides toward the commanded one at {@link #CENTRE_GLIDE_MPS}
 * (a re-sent orbit with a new centre is followed smoothly, not jumped to). (2) Farther than
 * {@code max(3 m, 20 % of the radius)} off the circle the vehicle is brought to its nearest point at cruise
 * speed, braking for it. (3) On the circle it pursues, without braking, the point where the tangent drawn
 * {@code dTheta} ahead of its own bearing from the centre meets the line from the centre (at radius
 * {@code r / cos dTheta}): heading there keeps it on radius r in steady state, and an off-radius vehicle is
 * steered back. dTheta is a look-ahead of {@code max(5 m, 2 s of speed)} along the arc, at most 0.6 rad.
 * The speed is the commanded one, capped by the vehicle's limit and by a centripetal acceleration of half
 * its acceleration limit ({@code v <= sqrt(a r / 2)}), as PX4 caps it on tight circles.
 *
 * <p>Degenerate cases: a vehicle on the centre itself takes bearing 0 (east); a speed of 0 flies to the
 * circle and holds there.
 */
final class OrbitGuidance {
    /** How fast a moved centre is followed, m/s: faster than a person walks or runs, slow enough to look smooth. */
    static final double CENTRE_GLIDE_MPS = 5;
    private static final double MAX_LOOKAHEAD_RAD = 0.6;

    private double centreEastM;
    private double centreNorthM;
    private double targetEastM;
    private double targetNorthM;
    private double altRelM;
    private double radiusM;
    private double speedMps;
    private long lastStepMs = -1;

    /**
     * @param speedMps tangential speed, positive clockwise seen from above
     */
    OrbitGuidance(double centreEastM, double centreNorthM, double altRelM, double radiusM, double speedMps) {
        this.centreEastM = centreEastM;
        this.centreNorthM = centreNorthM;
        retarget(centreEastM, centreNorthM, altRelM, radiusM, speedMps);
    }

    /** A new orbit while this one is flown: the centre glides there; altitude, radius and speed apply at once. */
    void retarget(double centreEastM, double centreNorthM, double altRelM, double radiusM, double speedMps) {
        this.targetEastM = centreEastM;
        this.targetNorthM = centreNorthM;
        this.altRelM = altRelM;
        this.radiusM = radiusM;
        this.speedMps = speedMps;
    }

    Setpoint step(SimVehicle v, long nowMs, double cruiseMps) {
        double dtS = lastStepMs < 0 ? 0 : (nowMs - lastStepMs) / 1000.0;
        lastStepMs = nowMs;
        glideCentre(dtS);

        double de = v.eastM() - centreEastM;
        double dn = v.northM() - centreNorthM;
        double d = Math.hypot(de, dn);
        double bearing = d < 0.01 ? 0 : Math.atan2(dn, de);   // maths angle: counter-clockwise from east
        double offCircleM = Math.abs(d - radiusM);
        if (offCircleM > Math.max(3, 0.2 * radiusM) || speedMps == 0) {
            return Setpoint.goTo(centreEastM + radiusM * Math.cos(bearing), centreNorthM + radiusM * Math.sin(bearing),
                    altRelM, cruiseMps);
        }
        double speed = Math.min(Math.abs(speedMps), Math.min(v.spec().maxSpeedMps(),
                Math.sqrt(v.spec().accelMps2() * radiusM / 2)));
        double lookahead = Math.min(MAX_LOOKAHEAD_RAD, Math.max(5, 2 * speed) / radiusM);
        double ahead = bearing + (speedMps > 0 ? -lookahead : lookahead);   // clockwise = decreasing angle
        double reach = radiusM / Math.cos(lookahead);
        return Setpoint.passThrough(centreEastM + reach * Math.cos(ahead), centreNorthM + reach * Math.sin(ahead),
                altRelM, speed);
    }

    private void glideCentre(double dtS) {
        double ge = targetEastM - centreEastM;
        double gn = targetNorthM - centreNorthM;
        double gap = Math.hypot(ge, gn);
        double step = CENTRE_GLIDE_MPS * dtS;
        if (gap <= step) {
            centreEastM = targetEastM;
            centreNorthM = targetNorthM;
        } else {
            centreEastM += ge / gap * step;
            centreNorthM += gn / gap * step;
        }
    }

    double centreEastM() {
        return centreEastM;
    }

    double centreNorthM() {
        return centreNorthM;
    }

    /** The commanded centre, which {@link #centreEastM()} glides toward. */
    double targetEastM() {
        return targetEastM;
    }

    double targetNorthM() {
        return targetNorthM;
    }

    double radiusM() {
        return radiusM;
    }

    /** Tangential speed, positive clockwise seen from above. */
    double speedMps() {
        return speedMps;
    }
}
