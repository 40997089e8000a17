package org.skyfleet.simulator.vehicle;

/**
 * A multicopter as a point mass under a position controller, one step at a time.
 *
 * <p>Steps: (1) the vertical speed approaches the demand (proportional to the height error, limited by
 * climb/descent rate, and by the landing speed in the last 10 m of a landing) within the acceleration
 * limit; touching the ground with a downward speed lands it. (2) The desired ground velocity points at
 * the setpoint with a speed that lets the vehicle brake in time ({@code v <= sqrt(2 a d)}); below 2 m,
 * climbing out, it stays put. (3) The air velocity needed is that minus the wind the controller has
 * learned, limited to the speed limit (so a strong head wind slows it). (4) The air velocity approaches
 * that within the acceleration limit, and the ground velocity is the air velocity plus the true wind:
 * a gust the controller has not learned yet pushes the vehicle off, and its integrator (2 s time
 * constant) catches up.
 */
final class CopterDynamics {
    private static final double WIND_LEARN_TAU_S = 2.0;

    private CopterDynamics() {
    }

    static void step(VehicleSpec spec, MotionState m, Setpoint sp, double windE, double windN, double dtS) {
        if (!m.airborne && (sp == null || sp.land() || sp.upM() <= m.upM)) {
            m.stop();
            m.windEstEastMps = windE;
            m.windEstNorthMps = windN;
            return;
        }
        if (sp == null) {
            // Disarmed in the air: a falling brick is out of scope; it descends at landing speed.
            sp = Setpoint.landAt(m.eastM, m.northM, 0);
        }
        double desiredClimb;
        if (sp.land()) {
            desiredClimb = -(m.upM > 10 ? spec.descentRateMps() : spec.landSpeedMps());
        } else {
            double dz = sp.upM() - m.upM;
            desiredClimb = clamp(dz, -spec.descentRateMps(), spec.climbRateMps());
        }
        m.climbMps = approach(m.climbMps, desiredClimb, spec.accelMps2() * dtS);
        m.upM += m.climbMps * dtS;
        if (m.upM > 0.05) {
            m.airborne = true;
        }
        if (m.upM <= 0) {
            m.upM = 0;
            if (m.airborne && m.climbMps < 0) {
                m.airborne = false;
                m.stop();
                return;
            }
        }
        double de = sp.eastM() - m.eastM;
        double dn = sp.northM() - m.northM;
        double dist = Math.hypot(de, dn);
        boolean climbingOut = m.upM < 2 && !sp.land() && sp.upM() > m.upM;
        double vE = 0;
        double vN = 0;
        if (!climbingOut && dist > 0.01) {
            double limit = Math.min(sp.speedMps() > 0 ? sp.speedMps() : spec.cruiseSpeedMps(), spec.maxSpeedMps());
            double speed = sp.passThrough() ? limit : Math.min(limit, Math.min(Math.sqrt(2 * spec.accelMps2() * dist), dist));
            vE = de / dist * speed;
            vN = dn / dist * speed;
        }
        double aE = vE - m.windEstEastMps;
        double aN = vN - m.windEstNorthMps;
        double a = Math.hypot(aE, aN);
        if (a > spec.maxSpeedMps()) {
            aE *= spec.maxSpeedMps() / a;
            aN *= spec.maxSpeedMps() / a;
        }
        double dE = aE - m.airVelEastMps;
        double dN = aN - m.airVelNorthMps;
        double dv = Math.hypot(dE, dN);
        double maxDv = spec.accelMps2() * dtS;
        if (dv > maxDv) {
            dE *= maxDv / dv;
            dN *= maxDv / dv;
        }
        m.airVelEastMps += dE;
        m.airVelNorthMps += dN;
        m.groundVelEastMps = m.airVelEastMps + windE;
        m.groundVelNorthMps = m.airVelNorthMps + windN;
        m.eastM += m.groundVelEastMps * dtS;
        m.northM += m.groundVelNorthMps * dtS;
        double k = Math.min(1, dtS / WIND_LEARN_TAU_S);
        m.windEstEastMps += (windE - m.windEstEastMps) * k;
        m.windEstNorthMps += (windN - m.windEstNorthMps) * k;
        if (Math.hypot(vE, vN) > 0.5) {
            m.headingDeg = Math.toDegrees(Math.atan2(vE, vN));
        }
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static double approach(double v, double target, double maxStep) {
        return v + clamp(target - v, -maxStep, maxStep);
    }
}
