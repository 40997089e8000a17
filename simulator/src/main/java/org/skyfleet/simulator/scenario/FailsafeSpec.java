package org.skyfleet.simulator.scenario;

import org.skyfleet.simulator.autopilot.FailsafeConfig;

/** Failsafe settings of a scenario; any field left out keeps PX4's default. */
public record FailsafeSpec(Double batteryReturnPercent, Double batteryLandPercent, Double lostLinkTimeoutS,
                           FailsafeConfig.FenceAction fenceAction) {

    public FailsafeConfig toConfig() {
        FailsafeConfig d = FailsafeConfig.defaults();
        return new FailsafeConfig(batteryReturnPercent == null ? d.batteryReturnPercent() : batteryReturnPercent,
                batteryLandPercent == null ? d.batteryLandPercent() : batteryLandPercent,
                lostLinkTimeoutS == null ? d.lostLinkTimeoutS() : lostLinkTimeoutS,
                fenceAction == null ? d.fenceAction() : fenceAction);
    }
}
