package org.skyfleet.fleet.store;

import java.util.List;
import java.util.Optional;

/** Revoked bearer tokens by token id, shared by every node on the store so a revocation holds on all of them. */
public interface RevocationStore {
    /**
     * Stores {@code revocation} unless its token is already revoked.
     *
     * @return false when the token was already revoked (the first revocation is kept)
     */
    boolean save(TokenRevocation revocation);

    /** The revocation of {@code tokenId}, if it was revoked. */
    Optional<TokenRevocation> find(String tokenId);

    /** Every revocation, oldest first. */
    List<TokenRevocation> loadAll();

    /**
     * Forgets the revocations made before {@code cutoff}: once every token they could name has expired, they
     * refuse nothing more (the audit journal keeps the record).
     *
     * @return how many were forgotten
     */
    int deleteRevokedBefore(java.time.Instant cutoff);
}
