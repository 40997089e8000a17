package org.skyfleet.fleet.event;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to one vehicle.
 *
 * @param vehicleId the vehicle
 * @param type      what happened
 * @param severity  how urgent
 * @param message   a sentence a person can read
 * @param time      when the server noticed it
 * @param sequence  increases with every event on this server; 0 until the registry numbers it
 */
public record VehicleEvent(String vehicleId, EventType type, EventSeverity severity, String message,
                           Instant time, long sequence) {
    public VehicleEvent {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
    }

    public VehicleEvent numbered(long newSequence) {
        return new VehicleEvent(vehicleId, type, severity, message, time, newSequence);
    }
}
