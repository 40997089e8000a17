package org.skyfleet.simulator.autopilot;

import org.skyfleet.simulator.vehicle.LoopPath;
import org.skyfleet.simulator.vehicle.Setpoint;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * Flies a closed patrol loop for ever by pure pursuit: the vehicle heads at cruise speed, without braking,
 * for a point two seconds of cruise ahead of it on the loop (at least 5 m), which moves on as it closes.
 */
final class PatrolGuidance {
    private final LoopPath loop;
    private final double altRelM;
    private double distanceM;

    PatrolGuidance(LoopPath loop, double altRelM, double startDistanceM) {
        this.loop = loop;
        this.altRelM = altRelM;
        this.distanceM = startDistanceM;
    }

    /** {east, north} of the point the patrol starts from. */
    double[] start() {
        return loop.positionAt(distanceM);
    }

    double altRelM() {
        return altRelM;
    }

    Setpoint step(SimVehicle v, double cruiseMps) {
        double lookaheadM = Math.max(5, 2 * cruiseMps);
        double[] p = loop.positionAt(distanceM);
        for (int i = 0; i < 100 && Math.hypot(p[0] - v.eastM(), p[1] - v.northM()) < lookaheadM; i++) {
            distanceM += 0.5;
            p = loop.positionAt(distanceM);
        }
        return Setpoint.passThrough(p[0], p[1], altRelM, cruiseMps);
    }
}
