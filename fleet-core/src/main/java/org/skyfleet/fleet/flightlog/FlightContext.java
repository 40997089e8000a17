package org.skyfleet.fleet.flightlog;

/**
 * What a flight is flown as and for, looked up at takeoff.
 *
 * @param flownBy    who holds the vehicle's control lease ("subject (role)"), or "autopilot"
 * @param missionId  the mission it flies, empty when none
 * @param incidentId the incident it flies for, empty when none
 * @param profileId  its airframe profile, empty when none
 * @param packId     its battery pack, empty when none recorded
 */
public record FlightContext(String flownBy, String missionId, String incidentId, String profileId, String packId) {
}
