package org.skyfleet.server.response;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.function.Function;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.response.InMemoryResponsePolicyStore;
import org.skyfleet.fleet.response.ResponsePolicy;
import org.skyfleet.fleet.response.ResponsePolicyStore;
import org.skyfleet.fleet.weather.WindMeasurements;

/**
 * What the first response is built with beside the records.
 *
 * @param policy      the policy when the store keeps none (the built-in one)
 * @param policies    where the policy in force is kept: it is read at start and written by every set
 * @param airframes   a vehicle's aircraft profile, if it is bound to one
 * @param firstFrames when a drone's video first reaches a viewer
 * @param wind        the wind each drone's telemetry reports
 * @param meters      where the time-to-scene histograms go
 */
public record ResponseConfig(ResponsePolicy policy, ResponsePolicyStore policies, Function<String, Optional<AirframeProfile>> airframes,
                             FirstFrames firstFrames, WindMeasurements wind, MeterRegistry meters) {

    /** The default policy kept in memory, no profiles, no video, no measured wind, meters kept in memory. */
    public static ResponseConfig defaults() {
        return new ResponseConfig(ResponsePolicy.defaults(), new InMemoryResponsePolicyStore(new Object()), v -> Optional.empty(),
                FirstFrames.NONE, WindMeasurements.NONE, new SimpleMeterRegistry());
    }

    public ResponseConfig withPolicy(ResponsePolicy given) {
        return new ResponseConfig(given, policies, airframes, firstFrames, wind, meters);
    }

    public ResponseConfig withAirframes(Function<String, Optional<AirframeProfile>> given) {
        return new ResponseConfig(policy, policies, given, firstFrames, wind, meters);
    }

    public ResponseConfig withFirstFrames(FirstFrames given) {
        return new ResponseConfig(policy, policies, airframes, given, wind, meters);
    }

    public ResponseConfig withWind(WindMeasurements given) {
        return new ResponseConfig(policy, policies, airframes, firstFrames, given, meters);
    }

    public ResponseConfig withMeters(MeterRegistry given) {
        return new ResponseConfig(policy, policies, airframes, firstFrames, wind, given);
    }
}
