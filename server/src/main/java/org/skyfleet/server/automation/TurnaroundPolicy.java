package org.skyfleet.server.automation;

import java.time.Duration;

/**
 * How a search drone is turned round between sorties: recharged on its dock or given a fresh pack, then sent again.
 *
 * @param relaunchPercent a drone charging on its dock is held back until it has this much (a half-charged drone
 *                        would fly a short sortie and land again); a drone off any dock, or whose dock stopped
 *                        charging, is sent as soon as it has the profile's minimum
 * @param freshPercent    a swap is confirmed when the vehicle reports at least this much charge
 * @param swapTimeout     a swap the vehicle has not confirmed by then is given up, and the drone freed
 */
public record TurnaroundPolicy(double relaunchPercent, double freshPercent, Duration swapTimeout) {
    public TurnaroundPolicy {
        if (!(relaunchPercent > 0 && relaunchPercent <= 100) || !(freshPercent > 0 && freshPercent <= 100)) {
            throw new IllegalArgumentException("relaunchPercent and freshPercent must be in (0, 100]");
        }
        if (swapTimeout == null || swapTimeout.isNegative() || swapTimeout.isZero()) {
            throw new IllegalArgumentException("swapTimeout must be positive");
        }
    }

    /** 95 % before a dock lets a drone go, 95 % to count a swap as done, 10 minutes for a swap to show. */
    public static TurnaroundPolicy defaults() {
        return new TurnaroundPolicy(95, 95, Duration.ofMinutes(10));
    }
}
