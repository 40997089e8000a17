package org.skyfleet.simulator.autopilot;

import org.skyfleet.simulator.vehicle.Setpoint;
import org.skyfleet.simulator.vehicle.SimVehicle;

/**
 * Return to launch as PX4 flies it: climb to the return altitude if lower, fly to the destination
 * (home or the nearest rally point) at that altitude, then land there. A rover drives there and stops.
 */
final class ReturnGuidance {
    private enum Phase { CLIMB, RETURN, LAND, DONE }

    private Phase phase = Phase.DONE;
    private double destEastM;
    private double destNorthM;
    private double altM;

    void begin(SimVehicle v, double destEastM, double destNorthM) {
        this.destEastM = destEastM;
        this.destNorthM = destNorthM;
        this.altM = Math.max(v.altitudeRelM(), v.spec().returnAltRelM());
        phase = !v.spec().flies() ? Phase.RETURN : v.airborne() ? Phase.CLIMB : Phase.DONE;
    }

    Setpoint step(SimVehicle v, double speedMps) {
        if (phase == Phase.CLIMB) {
            if (v.altitudeRelM() >= altM - 0.5) {
                phase = Phase.RETURN;
            } else {
                return Setpoint.goTo(v.eastM(), v.northM(), altM, speedMps);
            }
        }
        double dist = Math.hypot(destEastM - v.eastM(), destNorthM - v.northM());
        if (phase == Phase.RETURN) {
            if (dist < (v.spec().flies() ? 1.0 : 1.5)) {
                phase = v.spec().flies() ? Phase.LAND : Phase.DONE;
            } else {
                return Setpoint.goTo(destEastM, destNorthM, altM, speedMps);
            }
        }
        if (phase == Phase.LAND) {
            if (!v.airborne()) {
                phase = Phase.DONE;
            } else {
                return Setpoint.landAt(destEastM, destNorthM, speedMps);
            }
        }
        return null;
    }

    boolean done() {
        return phase == Phase.DONE;
    }
}
