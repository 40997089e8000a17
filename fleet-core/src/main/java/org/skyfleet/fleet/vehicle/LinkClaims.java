package org.skyfleet.fleet.vehicle;

import java.util.concurrent.CompletionStage;

/**
 * Confirming the address an unsigned vehicle was heard from (a claim, see {@link VehicleIdentity#linkClaim()}):
 * implemented by the links that hold the bindings. The caller names the address it saw, so that a claim
 * replaced in between by another address is not confirmed by mistake.
 */
public interface LinkClaims {

    /** Binds the vehicle's link to {@code claimedPeer} ({@code host:port}) if that is its pending claim. */
    CompletionStage<Confirmation> confirm(String vehicleId, String claimedPeer);

    /** What became of a confirmation. */
    enum Outcome {
        /** The link is bound to the claimed address; commands go there from now on. */
        CONFIRMED,
        /** The vehicle has no pending claim (none was made, it was withdrawn, or already confirmed). */
        NO_CLAIM,
        /** The vehicle's pending claim is from another address than the one named. */
        OTHER_ADDRESS,
        /** The vehicle is not bound on this node's links. */
        NOT_ON_THIS_NODE
    }

    /**
     * @param outcome      what happened
     * @param previousPeer the confirmed address before, {@code host:port}, empty when none
     * @param detail       a sentence for the operator
     */
    record Confirmation(Outcome outcome, String previousPeer, String detail) {
    }
}
