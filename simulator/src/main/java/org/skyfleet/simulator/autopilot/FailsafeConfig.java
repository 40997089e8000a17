package org.skyfleet.simulator.autopilot;

/**
 * When the autopilot takes over, as PX4's failsafe parameters say.
 *
 * @param batteryReturnPercent  at or below this the vehicle returns to launch (PX4 BAT_CRIT_THR action 2)
 * @param batteryLandPercent    at or below this it lands where it is (BAT_EMERGEN_THR)
 * @param lostLinkTimeoutS      no GCS HEARTBEAT for this long, once one was seen, returns it (COM_DL_LOSS_T); 0 never
 * @param fenceAction           what a geofence breach does (GF_ACTION)
 */
public record FailsafeConfig(double batteryReturnPercent, double batteryLandPercent, double lostLinkTimeoutS,
                             FenceAction fenceAction) {

    /** What a geofence breach makes the vehicle do. */
    public enum FenceAction {
        /** Hold where it is (GF_ACTION 2). */
        HOLD,
        /** Return to launch (GF_ACTION 3). */
        RTL
    }

    public FailsafeConfig {
        if (!(batteryLandPercent >= 0 && batteryLandPercent <= batteryReturnPercent && batteryReturnPercent <= 100)) {
            throw new IllegalArgumentException("need 0 <= batteryLandPercent <= batteryReturnPercent <= 100");
        }
        if (!(lostLinkTimeoutS >= 0)) {
            throw new IllegalArgumentException("lostLinkTimeoutS must be >= 0");
        }
        if (fenceAction == null) {
            fenceAction = FenceAction.HOLD;
        }
    }

    /** PX4 defaults, with the lost-link failsafe off. */
    public static FailsafeConfig defaults() {
        return new FailsafeConfig(20, 8, 0, FenceAction.HOLD);
    }

    public FailsafeConfig withLostLinkTimeoutS(double s) {
        return new FailsafeConfig(batteryReturnPercent, batteryLandPercent, s, fenceAction);
    }

    public FailsafeConfig withFenceAction(FenceAction a) {
        return new FailsafeConfig(batteryReturnPercent, batteryLandPercent, lostLinkTimeoutS, a);
    }
}
