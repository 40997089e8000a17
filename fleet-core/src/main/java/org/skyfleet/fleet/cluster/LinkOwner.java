package org.skyfleet.fleet.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * The node that owns a vehicle's link until its lease runs out.
 *
 * @param vehicleId the vehicle
 * @param nodeId    the owning node
 * @param expiresAt when the lease ends unless the owner renews it
 */
public record LinkOwner(String vehicleId, String nodeId, Instant expiresAt) {
    public LinkOwner {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
