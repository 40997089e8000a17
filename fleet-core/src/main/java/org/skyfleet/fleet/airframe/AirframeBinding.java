package org.skyfleet.fleet.airframe;

import java.time.Instant;
import java.util.Objects;

/**
 * Which profile a vehicle flies as.
 *
 * @param vehicleId the vehicle
 * @param profileId its airframe profile
 * @param source    who bound it: an operator, or the vehicle's own AUTOPILOT_VERSION
 * @param boundBy   the operator ("subject (role)"), or "autopilot" for the vehicle itself
 * @param boundAt   when
 */
public record AirframeBinding(String vehicleId, String profileId, Source source, String boundBy, Instant boundAt) {
    /** An operator's binding is never replaced by what the autopilot reports. */
    public enum Source { OPERATOR, AUTOPILOT_VERSION }

    public AirframeBinding {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(boundBy, "boundBy");
        Objects.requireNonNull(boundAt, "boundAt");
    }
}
