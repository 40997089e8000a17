package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.store.RevocationStore;
import org.skyfleet.fleet.store.TokenRevocation;

/** Revoked tokens in table {@code token_revocation}; the first revocation of a token is kept. */
final class JdbcRevocationStore implements RevocationStore {
    private final Transactions tx;

    JdbcRevocationStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean save(TokenRevocation r) {
        long at = nanos(r.revokedAt(), "revocation of " + r.tokenId() + " revokedAt");
        return tx.write("revoke token " + r.tokenId(), conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO token_revocation (token_id, reason, revoked_by, "
                    + "revoked_at_ns) SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM token_revocation WHERE token_id = ?)")) {
                ps.setString(1, r.tokenId());
                ps.setString(2, r.reason());
                ps.setString(3, r.revokedBy());
                ps.setLong(4, at);
                ps.setString(5, r.tokenId());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<TokenRevocation> find(String tokenId) {
        return tx.read("find revocation of " + tokenId, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM token_revocation WHERE token_id = ?")) {
                ps.setString(1, tokenId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(revocation(rs)) : Optional.<TokenRevocation>empty();
                }
            }
        });
    }

    @Override
    public List<TokenRevocation> loadAll() {
        return tx.read("load revoked tokens", conn -> {
            List<TokenRevocation> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM token_revocation ORDER BY revoked_at_ns, token_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(revocation(rs));
                }
            }
            return out;
        });
    }

    @Override
    public int deleteRevokedBefore(java.time.Instant cutoff) {
        long before = nanos(cutoff, "revocation cutoff");
        return tx.write("forget revocations before " + cutoff, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM token_revocation WHERE revoked_at_ns < ?")) {
                ps.setLong(1, before);
                return ps.executeUpdate();
            }
        });
    }

    private static TokenRevocation revocation(ResultSet rs) throws java.sql.SQLException {
        return new TokenRevocation(rs.getString("token_id"), rs.getString("reason"), rs.getString("revoked_by"),
                instant(rs.getLong("revoked_at_ns")));
    }
}
