package org.skyfleet.server.response;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.response.ResponsePolicy;

/**
 * What the first response is built with beside the records.
 *
 * @param policy     the policy at start (the file's, or the defaults)
 * @param airframes  a vehicle's aircraft profile, if it is bound to one
 * @param lastFrame  when the relay last had a video frame from a vehicle's camera, if it has a stream
 * @param meters     where the time-to-scene histograms go
 */
public record ResponseConfig(ResponsePolicy policy, Function<String, Optional<AirframeProfile>> airframes,
                             Function<String, Optional<Instant>> lastFrame, MeterRegistry meters) {

    /** The default policy, no profiles, no video, meters kept in memory. */
    public static ResponseConfig defaults() {
        return new ResponseConfig(ResponsePolicy.defaults(), v -> Optional.empty(), v -> Optional.empty(), new SimpleMeterRegistry());
    }
}
