package org.skyfleet.fleet.vehicle;

import java.time.Instant;

/**
 * What the last heartbeat and extended status said, and whether heartbeats are still arriving.
 *
 * @param linkState     connected or lost
 * @param lastHeartbeat when the last heartbeat was received
 * @param armed         motors armed
 * @param flightMode    mode name in the autopilot's own vocabulary, e.g. "MISSION", "RTL"
 * @param systemStatus  MAV_STATE
 * @param landedState   on ground, in air, ...
 */
public record FlightStatus(LinkState linkState, Instant lastHeartbeat, boolean armed, String flightMode,
                           SystemStatus systemStatus, LandedState landedState) {

    public FlightStatus withLinkState(LinkState newLinkState) {
        return new FlightStatus(newLinkState, lastHeartbeat, armed, flightMode, systemStatus, landedState);
    }

    public FlightStatus withLandedState(LandedState newLandedState) {
        return new FlightStatus(linkState, lastHeartbeat, armed, flightMode, systemStatus, newLandedState);
    }
}
