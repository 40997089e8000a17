package org.skyfleet.simulator.sensor;

/**
 * A detection as a drone's edge computer reports it to the control plane.
 *
 * @param reportId       unique per run: vehicle name and a counter
 * @param vehicleName    the drone that saw it
 * @param timeEpochMs    when, simulated wall clock
 * @param latDeg         WGS84 latitude of the detected person, degrees
 * @param lonDeg         WGS84 longitude, degrees
 * @param uncertaintyM   one-sigma horizontal position error, metres
 * @param confidence     detector confidence 0..1
 * @param sensor         THERMAL or VISUAL
 * @param rangeM         slant range from the camera, metres
 * @param truthTargetId  the simulated person actually seen, or null for a false positive (simulator
 *                       ground truth for scoring; never sent to the control plane)
 * @param groundRobot    seen by a ground robot's forward camera (reported as a robot's sighting), not a drone's
 */
public record SightingReport(String reportId, String vehicleName, long timeEpochMs, double latDeg, double lonDeg,
                             double uncertaintyM, double confidence, String sensor, double rangeM, String truthTargetId,
                             boolean groundRobot) {
    /** A drone's sighting. */
    public SightingReport(String reportId, String vehicleName, long timeEpochMs, double latDeg, double lonDeg,
                          double uncertaintyM, double confidence, String sensor, double rangeM, String truthTargetId) {
        this(reportId, vehicleName, timeEpochMs, latDeg, lonDeg, uncertaintyM, confidence, sensor, rangeM, truthTargetId, false);
    }
}
