package org.skyfleet.telemetry.command;

import java.util.OptionalDouble;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;

/** Where a vehicle's home is in altitude, to turn an altitude above home into one above mean sea level. */
@FunctionalInterface
public interface HomeAltitudes {

    /** Home altitude above mean sea level, metres, or empty if the vehicle has not reported its home. */
    OptionalDouble homeAltAmslM(String vehicleId);

    /** Reads the home positions the vehicles reported into the registry. */
    static HomeAltitudes from(VehicleRegistry registry) {
        return vehicleId -> registry.find(vehicleId).map(VehicleState::home)
                .map(h -> OptionalDouble.of(h.altAmslM())).orElse(OptionalDouble.empty());
    }
}
