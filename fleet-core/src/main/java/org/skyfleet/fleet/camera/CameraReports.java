package org.skyfleet.fleet.camera;

import java.util.Optional;

/** What vehicles last reported of their cameras; implemented where the reports arrive (a MAVLink link). */
public interface CameraReports {

    /** The vehicle's camera as last reported, or empty if it reported nothing of it. */
    Optional<CameraStatus> latest(String vehicleId);
}
