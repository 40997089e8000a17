package org.skyfleet.telemetry.link;

import static org.skyfleet.telemetry.link.MavlinkIngestHandler.peerName;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.logging.Logger;
import org.skyfleet.fleet.event.EventSeverity;
import org.skyfleet.fleet.event.EventType;
import org.skyfleet.fleet.event.VehicleEvent;
import org.skyfleet.fleet.vehicle.LinkClaims;
import org.skyfleet.fleet.vehicle.VehicleRegistry;

/**
 * The claims on one link's unsigned vehicles: an address a vehicle's system id was heard from that no
 * operator has confirmed. Opening one, dropping it when the confirmed address speaks again, and confirming it
 * each change the binding, the vehicle's identity ({@code linkPeer}, {@code linkClaim}) and publish an event;
 * the binding refuses to send anywhere while a claim is pending ({@link VehicleBinding#sendable()}).
 * Link thread only.
 */
final class ClaimedAddresses {
    private static final Logger LOG = Logger.getLogger(ClaimedAddresses.class.getName());

    private final String linkName;
    private final VehicleRegistry registry;

    ClaimedAddresses(String linkName, VehicleRegistry registry) {
        this.linkName = linkName;
        this.registry = registry;
    }

    /**
     * Holds {@code from} as the binding's claim, replacing a silent one. The caller updates the vehicle's
     * identity with the heartbeat that made the claim.
     */
    void open(VehicleBinding binding, InetSocketAddress from, Instant now) {
        String replaced = binding.claim == null ? "" : " (replacing the silent claim from " + peerName(binding.claim) + ")";
        binding.claim = from;
        String bound = binding.peer == null ? "no confirmed address yet" : "confirmed address " + peerName(binding.peer);
        String text = "system id " + binding.systemId + " heard from " + peerName(from) + " (" + bound + ")" + replaced
                + ": unsigned link, nothing is sent there until an operator confirms the claim (ConfirmLinkClaim)";
        LOG.warning("link " + linkName + ": " + binding.vehicleId + ": " + text);
        registry.publishEvent(new VehicleEvent(binding.vehicleId, EventType.LINK_CLAIMED, EventSeverity.CRITICAL, text, now, 0));
    }

    /** Drops the claim: the confirmed address spoke again. The caller updates the vehicle's identity. */
    void withdraw(VehicleBinding binding, Instant now) {
        String text = "claim from " + peerName(binding.claim) + " dropped: heard again from the confirmed address "
                + peerName(binding.peer);
        binding.claim = null;
        LOG.info("link " + linkName + ": " + binding.vehicleId + ": " + text);
        registry.publishEvent(new VehicleEvent(binding.vehicleId, EventType.LINK_CLAIM_WITHDRAWN, EventSeverity.WARNING, text,
                now, 0));
    }

    /** Binds the link to its claim if that is {@code claimedPeer}; says why not otherwise. */
    LinkClaims.Confirmation confirm(VehicleBinding b, String claimedPeer, Instant now) {
        String previous = b.peer == null ? "" : peerName(b.peer);
        if (b.claim == null) {
            return new LinkClaims.Confirmation(LinkClaims.Outcome.NO_CLAIM, previous, "vehicle " + b.vehicleId
                    + " has no pending link claim" + (previous.isEmpty() ? "" : "; it is bound to " + previous));
        }
        String claimed = peerName(b.claim);
        if (!claimed.equals(claimedPeer)) {
            return new LinkClaims.Confirmation(LinkClaims.Outcome.OTHER_ADDRESS, previous,
                    "the pending claim on " + b.vehicleId + " is from " + claimed + ", not " + claimedPeer);
        }
        b.peer = b.claim;
        b.claim = null;
        registry.update(b.vehicleId, s -> s.withIdentity(s.identity().withLink(claimed, "")), now);
        registry.publishEvent(new VehicleEvent(b.vehicleId, EventType.LINK_CLAIM_CONFIRMED, EventSeverity.INFO,
                "link confirmed at " + claimed + (previous.isEmpty() ? "" : " (was " + previous + ")"), now, 0));
        return new LinkClaims.Confirmation(LinkClaims.Outcome.CONFIRMED, previous, "link of " + b.vehicleId + " bound to " + claimed);
    }
}
