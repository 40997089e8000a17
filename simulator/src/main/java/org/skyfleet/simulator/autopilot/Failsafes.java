package org.skyfleet.simulator.autopilot;

import io.dronefleet.mavlink.common.MavSeverity;

/**
 * PX4's failsafes, checked every step while armed: a low battery returns the vehicle to launch and a
 * critical one lands it where it is; no GCS HEARTBEAT for the configured time (once one was heard)
 * returns it; leaving the geofence holds it or returns it. Each says so in STATUSTEXT, fires once
 * (a pilot may take over afterwards), and a fence breach re-arms once the vehicle is back inside.
 */
final class Failsafes {
    private final Autopilot ap;
    private boolean batteryReturned;
    private boolean batteryLanded;
    private long lastGcsHeartbeatMs = -1;
    private boolean linkLost;
    private boolean breached;

    Failsafes(Autopilot ap) {
        this.ap = ap;
    }

    void onGcsHeartbeat(long atMs) {
        lastGcsHeartbeatMs = atMs;
        if (linkLost) {
            linkLost = false;
            ap.out.statustext(MavSeverity.MAV_SEVERITY_INFO, "Data link regained");
        }
    }

    void onArmed() {
        batteryReturned = false;
        batteryLanded = false;
        breached = false;
    }

    void reset() {
        onArmed();
        linkLost = false;
        lastGcsHeartbeatMs = -1;
    }

    boolean active() {
        return batteryReturned || batteryLanded || linkLost || breached;
    }

    void check(long nowMs) {
        if (!ap.armed()) {
            return;
        }
        boolean moving = ap.v.airborne() || !ap.v.spec().flies();
        double battery = ap.v.batteryPercent();
        FailsafeConfig cfg = ap.failsafe;
        if (!batteryLanded && battery <= cfg.batteryLandPercent() && ap.v.spec().flies() && ap.v.airborne()) {
            batteryLanded = true;
            ap.out.statustext(MavSeverity.MAV_SEVERITY_EMERGENCY, "Emergency battery level, landing immediately");
            ap.setMode(FlightMode.LAND);
            return;
        }
        if (!batteryReturned && battery <= cfg.batteryReturnPercent() && moving) {
            batteryReturned = true;
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Low battery level, returning to launch");
            enterRtl();
            return;
        }
        if (!linkLost && cfg.lostLinkTimeoutS() > 0 && lastGcsHeartbeatMs >= 0
                && nowMs - lastGcsHeartbeatMs > cfg.lostLinkTimeoutS() * 1000) {
            linkLost = true;
            ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "No connection to ground station, returning");
            if (moving) {
                enterRtl();
            }
            return;
        }
        if (!ap.fence.isEmpty()) {
            boolean inside = ap.fence.allows(ap.v.eastM(), ap.v.northM());
            if (inside) {
                breached = false;
            } else if (!breached && moving) {
                breached = true;
                if (cfg.fenceAction() == FailsafeConfig.FenceAction.RTL) {
                    ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Geofence breached, returning to launch");
                    enterRtl();
                } else {
                    ap.out.statustext(MavSeverity.MAV_SEVERITY_CRITICAL, "Geofence breached, holding position");
                    ap.setMode(FlightMode.HOLD);
                }
            }
        }
    }

    private void enterRtl() {
        if (ap.mode() != FlightMode.RTL && ap.mode() != FlightMode.LAND) {
            ap.setMode(FlightMode.RTL);
        }
    }
}
