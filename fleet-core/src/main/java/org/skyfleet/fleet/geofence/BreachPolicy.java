package org.skyfleet.fleet.geofence;

/** What the control plane asks of a vehicle that breaches a zone. */
public enum BreachPolicy {
    /** Tell the pilot and the commander; the vehicle carries on. */
    WARN,
    /** Stop and hold position (multicopter: loiter; rover: hold). */
    HOLD,
    /** Return to the launch point. */
    RETURN_TO_LAUNCH
}
