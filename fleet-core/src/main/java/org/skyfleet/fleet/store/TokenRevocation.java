package org.skyfleet.fleet.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token an admin withdrew before it expired: every node refuses it from then on.
 *
 * @param tokenId   the token's id (as {@code skyfleet token create} prints it)
 * @param reason    why, as the admin gave it
 * @param revokedBy who revoked it, e.g. {@code alice (admin)}
 * @param revokedAt when
 */
public record TokenRevocation(String tokenId, String reason, String revokedBy, Instant revokedAt) {
    public TokenRevocation {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedBy, "revokedBy");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }
}
