package org.skyfleet.server.control;

import io.grpc.Status;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.vehicle.LinkClaims;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.proto.v1.ConfirmLinkClaimRequest;
import org.skyfleet.proto.v1.ConfirmLinkClaimResponse;

/**
 * {@code ConfirmLinkClaim}: an operator vouches for the address an unsigned vehicle was heard from, and the
 * link is bound to it. Who may: commanders and admins, and a pilot while holding the vehicle's lease (the one
 * about to fly it, who can see it answer). Every attempt is audited with who made it and what came of it.
 */
public final class LinkClaimControl {
    private static final long LINK_ANSWER_SECONDS = 5;

    private final VehicleRegistry registry;
    private final ControlLeases leases;
    private final LinkRoutes<LinkClaims> claims;
    private final AuditJournal audit;

    public LinkClaimControl(VehicleRegistry registry, ControlLeases leases, LinkRoutes<LinkClaims> claims, AuditJournal audit) {
        this.registry = registry;
        this.leases = leases;
        this.claims = claims;
        this.audit = audit;
    }

    /**
     * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED or FAILED_PRECONDITION,
     *                                        with a message naming what to do
     */
    public ConfirmLinkClaimResponse confirm(Operator caller, ConfirmLinkClaimRequest r) {
        String vehicleId = r.getVehicleId();
        String address = r.getClaimedAddress().strip();
        if (vehicleId.isBlank() || address.isEmpty()) {
            throw Status.INVALID_ARGUMENT.withDescription("vehicle_id and claimed_address (host:port, as in the vehicle's "
                    + "link_claim_peer) are required").asRuntimeException();
        }
        if (registry.find(vehicleId).isEmpty()) {
            throw Status.NOT_FOUND.withDescription("unknown vehicle '" + vehicleId + "'").asRuntimeException();
        }
        if (!caller.role().mayTakeOver()) {
            try {
                leases.requireHeldBy(vehicleId, caller);
            } catch (LeaseConflictException e) {
                refuse(caller, vehicleId, address, "PERMISSION_DENIED");
                throw Status.PERMISSION_DENIED.withDescription("a pilot confirms a link claim only while holding the vehicle's "
                        + "control lease (" + e.getMessage() + "); a commander may confirm it too").asRuntimeException();
            }
        }
        LinkClaims link = claims.forVehicle(vehicleId).orElse(null);
        if (link == null) {
            throw Status.NOT_FOUND.withDescription("vehicle " + vehicleId + " is on no MAVLink link of this node")
                    .asRuntimeException();
        }
        LinkClaims.Confirmation c;
        try {
            c = link.confirm(vehicleId, address).toCompletableFuture().get(LINK_ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        } catch (ExecutionException | TimeoutException e) {
            throw Status.UNAVAILABLE.withDescription("the link did not answer: " + e).asRuntimeException();
        }
        switch (c.outcome()) {
            case CONFIRMED -> {
                audit.append(caller.toString(), "link claim confirm", vehicleId,
                        "bound to " + address + (c.previousPeer().isEmpty() ? "" : ", was " + c.previousPeer()), "CONFIRMED");
                return ConfirmLinkClaimResponse.newBuilder().setVehicleId(vehicleId).setLinkPeer(address)
                        .setPreviousLinkPeer(c.previousPeer()).build();
            }
            case NOT_ON_THIS_NODE -> {
                refuse(caller, vehicleId, address, "NOT_FOUND: " + c.detail());
                throw Status.NOT_FOUND.withDescription(c.detail()).asRuntimeException();
            }
            default -> {
                refuse(caller, vehicleId, address, "FAILED_PRECONDITION: " + c.detail());
                throw Status.FAILED_PRECONDITION.withDescription(c.detail()).asRuntimeException();
            }
        }
    }

    private void refuse(Operator caller, String vehicleId, String address, String result) {
        audit.append(caller.toString(), "link claim confirm", vehicleId, "claimed " + address, result);
    }
}
