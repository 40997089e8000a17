package org.skyfleet.fleet.weather;

import java.util.Optional;

/** The latest wind each vehicle reported in its telemetry. */
@FunctionalInterface
public interface WindMeasurements {
    /** Nothing measured anywhere (a server without vehicle links, a test). */
    WindMeasurements NONE = vehicleId -> Optional.empty();

    /** The vehicle's latest report, however old (the reader judges its age by {@link MeasuredWind#at()}). */
    Optional<MeasuredWind> latest(String vehicleId);
}
