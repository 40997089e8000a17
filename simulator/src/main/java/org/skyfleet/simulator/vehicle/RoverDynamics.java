package org.skyfleet.simulator.vehicle;

/**
 * A ground rover, one step at a time: it turns towards the setpoint within its turn-rate limit, and its
 * speed approaches the demand within its acceleration limit. The demand lets it brake in time and
 * falls with the cosine of the heading error, so it slows to turn and never drives away from the goal.
 * It stays on the ground whatever the setpoint's height, and the wind does not move it.
 */
final class RoverDynamics {
    private RoverDynamics() {
    }

    static void step(VehicleSpec spec, MotionState m, Setpoint sp, double dtS) {
        double desiredSpeed = 0;
        if (sp != null && !sp.land()) {
            double de = sp.eastM() - m.eastM;
            double dn = sp.northM() - m.northM;
            double dist = Math.hypot(de, dn);
            if (dist > 0.3) {
                double want = Math.toDegrees(Math.atan2(de, dn));
                double err = ((want - m.headingDeg + 540) % 360) - 180;
                double maxTurn = spec.turnRateDegPerS() * dtS;
                m.headingDeg += CopterDynamics.clamp(err, -maxTurn, maxTurn);
                double limit = Math.min(sp.speedMps() > 0 ? sp.speedMps() : spec.cruiseSpeedMps(), spec.maxSpeedMps());
                double brake = sp.passThrough() ? limit : Math.min(Math.sqrt(2 * spec.accelMps2() * dist), dist);
                desiredSpeed = Math.min(limit, brake) * Math.max(0, Math.cos(Math.toRadians(err)));
            }
        }
        m.speedMps = CopterDynamics.approach(m.speedMps, desiredSpeed, spec.accelMps2() * dtS);
        double h = Math.toRadians(m.headingDeg);
        m.groundVelEastMps = m.speedMps * Math.sin(h);
        m.groundVelNorthMps = m.speedMps * Math.cos(h);
        m.eastM += m.groundVelEastMps * dtS;
        m.northM += m.groundVelNorthMps * dtS;
        m.upM = 0;
        m.airborne = false;
    }
}
