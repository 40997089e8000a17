package org.skyfleet.telemetry.link;

/**
 * Whether this node may take a vehicle's frames: when several nodes hear the same vehicle, only the one
 * that owns its link ingests it, the others leave it to the bus. Called on the link's thread for every
 * frame of a vehicle, so an implementation answers from memory and does any I/O elsewhere.
 */
public interface LinkGate {
    /** Every vehicle, always: a node on its own. */
    LinkGate ALL = new LinkGate() {
        @Override
        public boolean admit(String vehicleId) {
            return true;
        }

        @Override
        public boolean holds(String vehicleId) {
            return true;
        }
    };

    /**
     * True if the frames of this vehicle, just heard, may be ingested here. Hearing a vehicle no node
     * holds may start a claim for it; its frames are refused until the claim succeeds.
     */
    boolean admit(String vehicleId);

    /** True if this node holds the vehicle's link (no claim is started). */
    boolean holds(String vehicleId);
}
