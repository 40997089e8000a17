package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.store.AuditStore;

/** The audit chain in table {@code audit_entry}, one row per entry, keyed by its sequence number. */
final class JdbcAuditStore implements AuditStore {
    private final Transactions tx;

    JdbcAuditStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditEntry e) {
        tx.write("append audit entry " + e.sequence(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (sequence, time_ns, actor, action, "
                    + "vehicle_id, detail, result, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, e.sequence());
                ps.setLong(2, nanos(e.time(), "audit entry " + e.sequence() + " time"));
                ps.setString(3, e.actor());
                ps.setString(4, e.action());
                ps.setString(5, e.vehicleId());
                ps.setString(6, e.detail());
                ps.setString(7, e.result());
                ps.setString(8, e.previousHash());
                ps.setString(9, e.hash());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<AuditEntry> loadAll() {
        return tx.read("load the audit chain", c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_entry ORDER BY sequence");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong("sequence"), instant(rs.getLong("time_ns")), rs.getString("actor"),
                            rs.getString("action"), rs.getString("vehicle_id"), rs.getString("detail"),
                            rs.getString("result"), rs.getString("previous_hash"), rs.getString("hash")));
                }
            }
            return out;
        });
    }
}
