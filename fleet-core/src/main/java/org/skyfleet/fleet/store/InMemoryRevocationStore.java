package org.skyfleet.fleet.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Revoked tokens in memory, under the {@link InMemoryStore}'s one lock; the first revocation of a token is kept. */
final class InMemoryRevocationStore implements RevocationStore {
    private final Object lock;
    private final Map<String, TokenRevocation> revoked = new LinkedHashMap<>();

    InMemoryRevocationStore(Object lock) {
        this.lock = lock;
    }

    @Override
    public boolean save(TokenRevocation revocation) {
        synchronized (lock) {
            return revoked.putIfAbsent(revocation.tokenId(), revocation) == null;
        }
    }

    @Override
    public Optional<TokenRevocation> find(String tokenId) {
        synchronized (lock) {
            return Optional.ofNullable(revoked.get(tokenId));
        }
    }

    @Override
    public int deleteRevokedBefore(java.time.Instant cutoff) {
        synchronized (lock) {
            int before = revoked.size();
            revoked.values().removeIf(r -> r.revokedAt().isBefore(cutoff));
            return before - revoked.size();
        }
    }

    @Override
    public List<TokenRevocation> loadAll() {
        synchronized (lock) {
            return new ArrayList<>(revoked.values());
        }
    }
}
