package org.skyfleet.fleet.vehicle;

import java.util.Objects;

/**
 * Who a vehicle is. The id is stable for the life of the vehicle; the MAVLink system id and the peer
 * address are properties of the link it currently speaks over.
 *
 * @param vehicleId        stable string id, e.g. {@code mav-14550-7}
 * @param kind             what the vehicle is
 * @param autopilot        the flight stack it runs
 * @param mavlinkSystemId  MAVLink system id on its link, 1..255
 * @param linkPeer         the vehicle's confirmed address as seen by the server, {@code host:port}; empty while
 *                         its only address is a claim not yet confirmed
 * @param linkClaim        an address its system id was heard from that an operator has not confirmed yet
 *                         ({@code host:port}), empty when none: while set, its telemetry may come from an
 *                         unconfirmed address and nothing is sent to that address
 */
public record VehicleIdentity(String vehicleId, VehicleKind kind, AutopilotKind autopilot,
                              int mavlinkSystemId, String linkPeer, String linkClaim) {
    public VehicleIdentity {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(autopilot, "autopilot");
        Objects.requireNonNull(linkPeer, "linkPeer");
        Objects.requireNonNull(linkClaim, "linkClaim");
    }

    /** A vehicle on a confirmed address, no claim pending. */
    public VehicleIdentity(String vehicleId, VehicleKind kind, AutopilotKind autopilot, int mavlinkSystemId, String linkPeer) {
        this(vehicleId, kind, autopilot, mavlinkSystemId, linkPeer, "");
    }

    /** True while a claimed address awaits an operator's confirmation. */
    public boolean claimPending() {
        return !linkClaim.isEmpty();
    }

    /** The same vehicle at a confirmed address and pending claim. */
    public VehicleIdentity withLink(String peer, String claim) {
        return new VehicleIdentity(vehicleId, kind, autopilot, mavlinkSystemId, peer, claim);
    }
}
