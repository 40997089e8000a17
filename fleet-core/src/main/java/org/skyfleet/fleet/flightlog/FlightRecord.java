package org.skyfleet.fleet.flightlog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One flight, takeoff to landing.
 *
 * @param flightId            stable id, "f-" and the vehicle and takeoff time
 * @param vehicleId           the aircraft
 * @param profileId           its airframe profile then, empty when none
 * @param packId              the battery pack in it then, empty when none recorded
 * @param flownBy             who held its control lease at takeoff ("subject (role)"), "autopilot" when nobody did
 * @param missionId           the mission it was flying, empty when none
 * @param incidentId          the incident it flew for, empty when none
 * @param takeoffAt           when it left the ground
 * @param landingAt           when it was back on the ground
 * @param distanceM           path flown over the ground, metres
 * @param maxAltRelM          highest above home, metres
 * @param batteryStartPercent charge at takeoff, NaN when unknown
 * @param batteryEndPercent   charge at landing, NaN when unknown
 * @param events              what happened, in order
 * @param track               where it flew, about one point a second, in order
 */
public record FlightRecord(String flightId, String vehicleId, String profileId, String packId, String flownBy, String missionId,
                           String incidentId, Instant takeoffAt, Instant landingAt, double distanceM, double maxAltRelM,
                           double batteryStartPercent, double batteryEndPercent, List<FlightEvent> events, List<TrackPoint> track) {
    public FlightRecord {
        Objects.requireNonNull(flightId, "flightId");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(takeoffAt, "takeoffAt");
        Objects.requireNonNull(landingAt, "landingAt");
        profileId = profileId == null ? "" : profileId;
        packId = packId == null ? "" : packId;
        flownBy = flownBy == null ? "" : flownBy;
        missionId = missionId == null ? "" : missionId;
        incidentId = incidentId == null ? "" : incidentId;
        events = List.copyOf(events);
        track = List.copyOf(track);
    }

    public double durationS() {
        return Duration.between(takeoffAt, landingAt).toMillis() / 1000.0;
    }

    /** Charge used, percent; NaN when either end is unknown. */
    public double batteryUsedPercent() {
        return batteryStartPercent - batteryEndPercent;
    }
}
