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
 * @param linkPeer         the vehicle's address as seen by the server, {@code host:port}
 */
public record VehicleIdentity(String vehicleId, VehicleKind kind, AutopilotKind autopilot,
                              int mavlinkSystemId, String linkPeer) {
    public VehicleIdentity {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(autopilot, "autopilot");
        Objects.requireNonNull(linkPeer, "linkPeer");
    }
}
