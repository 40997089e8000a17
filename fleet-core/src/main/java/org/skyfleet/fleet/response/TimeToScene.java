package org.skyfleet.fleet.response;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each stage of one response happened. Immutable; a stage is stamped once, the first time it is seen
 * (a drone that leaves the scene and comes back is not "on scene" again).
 *
 * @param vehicleId the drone responding, empty before one is chosen
 */
public record TimeToScene(String incidentId, String vehicleId, Map<ResponseStage, Instant> stages) {
    public TimeToScene {
        vehicleId = vehicleId == null ? "" : vehicleId;
        EnumMap<ResponseStage, Instant> copy = new EnumMap<>(ResponseStage.class);
        copy.putAll(stages);
        stages = Collections.unmodifiableMap(copy);
    }

    public static TimeToScene called(String incidentId, Instant callReceived) {
        return new TimeToScene(incidentId, "", Map.of(ResponseStage.CALL_RECEIVED, callReceived));
    }

    public TimeToScene withVehicle(String id) {
        return new TimeToScene(incidentId, id, stages);
    }

    /** This clock with {@code stage} stamped at {@code at}, unless it already was. */
    public TimeToScene stamped(ResponseStage stage, Instant at) {
        if (stages.containsKey(stage)) {
            return this;
        }
        EnumMap<ResponseStage, Instant> m = new EnumMap<>(ResponseStage.class);
        m.putAll(stages);
        m.put(stage, at);
        return new TimeToScene(incidentId, vehicleId, m);
    }

    public boolean reached(ResponseStage stage) {
        return stages.containsKey(stage);
    }

    /** Time from the call to {@code stage}, if it has happened. */
    public Optional<Duration> sinceCall(ResponseStage stage) {
        Instant call = stages.get(ResponseStage.CALL_RECEIVED);
        Instant at = stages.get(stage);
        return call == null || at == null ? Optional.empty() : Optional.of(Duration.between(call, at));
    }
}
