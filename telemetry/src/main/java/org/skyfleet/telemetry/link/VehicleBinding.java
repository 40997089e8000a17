package org.skyfleet.telemetry.link;

import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * What a link knows about one of its vehicles beyond its state: the address it speaks from, an address it
 * was heard from that awaits an operator's confirmation, and how far stream setup has got. Mutated only on
 * the link's thread.
 */
final class VehicleBinding {

    enum StreamSetup {
        /** SET_MESSAGE_INTERVAL sent, waiting for acks. */
        INTERVALS_REQUESTED,
        /** At least one SET_MESSAGE_INTERVAL acknowledged as accepted. */
        INTERVALS_ACCEPTED,
        /** No interval accepted in time: REQUEST_DATA_STREAM sent. */
        DATA_STREAMS_REQUESTED
    }

    final String vehicleId;
    final int systemId;
    /** The confirmed address: what is sent goes here. Null while the first address heard is only a claim. */
    InetSocketAddress peer;
    /** An unsigned vehicle's new address, held until confirmed; null when none. Nothing is sent to it. */
    InetSocketAddress claim;
    StreamSetup streamSetup;
    Instant streamRequestedAt;
    /** Components of this system that announced themselves as charging stations: their frames are the dock's, not the vehicle's. */
    final java.util.BitSet dockComponents = new java.util.BitSet(256);

    VehicleBinding(String vehicleId, int systemId, InetSocketAddress peer) {
        this.vehicleId = vehicleId;
        this.systemId = systemId;
        this.peer = peer;
    }

    /** True if what the ground station sends may go to this vehicle: a confirmed address, no claim pending. */
    boolean sendable() {
        return peer != null && claim == null;
    }
}
