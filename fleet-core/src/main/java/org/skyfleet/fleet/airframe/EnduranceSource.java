package org.skyfleet.fleet.airframe;

import java.util.Optional;

/** The flight time a plan may count on for a vehicle now; empty when nothing is known of its aircraft. */
@FunctionalInterface
public interface EnduranceSource {
    /** Knows nothing: plans use the figures they are given. */
    EnduranceSource NONE = vehicleId -> Optional.empty();

    Optional<Endurance> of(String vehicleId);
}
