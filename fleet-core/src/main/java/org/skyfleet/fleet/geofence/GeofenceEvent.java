package org.skyfleet.fleet.geofence;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in how one vehicle stands against one zone, emitted once per change by {@link GeofenceMonitor}.
 *
 * @param type              what changed
 * @param vehicleId         the vehicle
 * @param zone              the zone (its policy says what to ask of the vehicle on a breach)
 * @param reason            how the zone is (or was, for {@code CLEARED}) broken
 * @param timeToBreachS     seconds until the breach for {@code PREDICTED_BREACH}, else NaN
 * @param distanceToBreachM metres until the breach for {@code PREDICTED_BREACH}, else NaN
 * @param position          where the vehicle was when the change was seen
 * @param time              when the change was seen
 * @param message           a sentence for a person
 */
public record GeofenceEvent(GeofenceEventType type, String vehicleId, Zone zone, BreachReason reason,
                            double timeToBreachS, double distanceToBreachM, FlightPoint position, Instant time,
                            String message) {
    public GeofenceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
    }
}
