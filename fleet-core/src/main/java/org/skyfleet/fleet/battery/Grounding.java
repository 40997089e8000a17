package org.skyfleet.fleet.battery;

import java.util.Optional;

/** Why a vehicle may not arm, take off or start a mission now, or empty if it may. */
@FunctionalInterface
public interface Grounding {
    /** Grounds nothing. */
    Grounding NONE = vehicleId -> Optional.empty();

    Optional<String> refusal(String vehicleId);
}
