package org.skyfleet.server.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.store.RevocationStore;
import org.skyfleet.fleet.store.StoreException;
import org.skyfleet.fleet.store.TokenRevocation;

/**
 * The revoked token ids a node checks every call against, held in memory so that checking costs no database
 * round trip: loaded from the store at start, added to at once by a revocation made here, and reloaded by
 * {@link #reload()} (every few seconds) to learn of the other nodes' revocations.
 */
public final class RevokedTokens implements TokenAuthority.Revocations {
    private static final Logger LOG = Logger.getLogger(RevokedTokens.class.getName());

    private final RevocationStore store;
    private final Map<String, TokenRevocation> revoked = new ConcurrentHashMap<>();

    /** @throws StoreException if the store cannot be read at start */
    public RevokedTokens(RevocationStore store) {
        this.store = store;
        store.loadAll().forEach(r -> revoked.put(r.tokenId(), r));
    }

    @Override
    public Optional<String> revoked(String tokenId) {
        TokenRevocation r = revoked.get(tokenId);
        return r == null ? Optional.empty() : Optional.of("revoked at " + r.revokedAt() + " by " + r.revokedBy() + ": " + r.reason());
    }

    /**
     * Revokes a token here and in the store.
     *
     * @return the revocation in force, and whether it was already there
     * @throws StoreException if the store cannot be written (nothing was revoked)
     */
    public Outcome revoke(TokenRevocation revocation) {
        boolean stored = store.save(revocation);
        TokenRevocation inForce = stored ? revocation : store.find(revocation.tokenId()).orElse(revocation);
        revoked.put(inForce.tokenId(), inForce);
        return new Outcome(inForce, !stored);
    }

    public record Outcome(TokenRevocation revocation, boolean alreadyRevoked) {
    }

    /** Every revocation, oldest first, from the store. */
    public java.util.List<TokenRevocation> all() {
        return store.loadAll();
    }

    /**
     * Forgets the revocations older than the longest lifetime a token may have: a token revoked before
     * {@code now - maxTokenLifetime} was issued before that too, so it has expired and is refused as such.
     * Nodes sharing a store must share {@code --token-max-ttl}, else the shortest one decides. A store that cannot
     * be written keeps everything (the next pass tries again).
     *
     * @return how many were forgotten here
     */
    public int forgetExpired(java.time.Instant now, java.time.Duration maxTokenLifetime) {
        java.time.Instant cutoff = now.minus(maxTokenLifetime);
        try {
            store.deleteRevokedBefore(cutoff);
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "could not forget revocations before " + cutoff + "; will try again", e);
            return 0;
        }
        int before = revoked.size();
        revoked.values().removeIf(r -> r.revokedAt().isBefore(cutoff));
        return before - revoked.size();
    }

    /** Learns of revocations made on other nodes; a store that cannot be read keeps what is known. */
    public void reload() {
        try {
            store.loadAll().forEach(r -> revoked.putIfAbsent(r.tokenId(), r));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "could not reload revoked tokens; keeping the " + revoked.size() + " known", e);
        }
    }
}
