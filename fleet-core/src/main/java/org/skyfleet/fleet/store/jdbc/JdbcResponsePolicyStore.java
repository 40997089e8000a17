package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.skyfleet.fleet.response.ResponsePolicyFile;
import org.skyfleet.fleet.response.ResponsePolicyStore;
import org.skyfleet.fleet.response.SavedResponsePolicy;

/**
 * The response policy in table {@code response_policy}: one row (key {@code current}), deleted and inserted in one
 * transaction, the policy in its file form ({@link ResponsePolicyFile}), so a person can read it in the database.
 */
final class JdbcResponsePolicyStore implements ResponsePolicyStore {
    private static final String KEY = "current";
    private final Transactions tx;

    JdbcResponsePolicyStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(SavedResponsePolicy p) {
        long at = nanos(p.setAt(), "response policy setAt");
        String text = ResponsePolicyFile.format(p.policy());
        tx.write("save the response policy", conn -> {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM response_policy WHERE policy_key = ?")) {
                del.setString(1, KEY);
                del.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO response_policy (policy_key, policy_text, set_by, set_at_ns) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, KEY);
                ps.setString(2, text);
                ps.setString(3, p.setBy());
                ps.setLong(4, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SavedResponsePolicy> load() {
        return tx.read("load the response policy", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM response_policy WHERE policy_key = ?")) {
                ps.setString(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SavedResponsePolicy(ResponsePolicyFile.parse(rs.getString("policy_text")),
                            rs.getString("set_by"), instant(rs.getLong("set_at_ns")))) : Optional.<SavedResponsePolicy>empty();
                }
            }
        });
    }
}
