package org.skyfleet.fleet.event;

import java.time.Instant;
import java.util.Map;
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
 * @param params    the message's values by name, so an edge renders it in its own language from type + params
 */
public record VehicleEvent(String vehicleId, EventType type, EventSeverity severity, String message,
                           Instant time, long sequence, Map<String, String> params) {
    public VehicleEvent {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public VehicleEvent(String vehicleId, EventType type, EventSeverity severity, String message, Instant time, long sequence) {
        this(vehicleId, type, severity, message, time, sequence, Map.of());
    }

    public VehicleEvent numbered(long newSequence) {
        return new VehicleEvent(vehicleId, type, severity, message, time, newSequence, params);
    }

    /** This event with its message's parameters (e.g. {@code percent}, {@code zone}). */
    public VehicleEvent withParams(Map<String, String> newParams) {
        return new VehicleEvent(vehicleId, type, severity, message, time, sequence, newParams);
    }
}
