package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.control.ControlLease;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.control.LeaseStore;

/** Control leases in table {@code control_lease}, one row per vehicle. */
final class JdbcLeaseStore implements LeaseStore {
    private static final String UPDATE = "UPDATE control_lease SET holder_subject = ?, holder_role = ?, acquired_at_ns = ?, "
            + "expires_at_ns = ?, reason = ? WHERE vehicle_id = ?";
    private static final String INSERT = "INSERT INTO control_lease (holder_subject, holder_role, acquired_at_ns, "
            + "expires_at_ns, reason, vehicle_id) VALUES (?, ?, ?, ?, ?, ?)";

    private final Transactions tx;

    JdbcLeaseStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(ControlLease lease) {
        tx.upsert("save the control lease of " + lease.vehicleId(), c -> {
            if (execute(c, UPDATE, lease) == 0) {
                execute(c, INSERT, lease);
            }
            return null;
        });
    }

    @Override
    public void delete(String vehicleId) {
        tx.write("delete the control lease of " + vehicleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM control_lease WHERE vehicle_id = ?")) {
                ps.setString(1, vehicleId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<ControlLease> loadLive(Instant now) {
        long nowNs = nanos(now, "now");
        return tx.read("load live control leases", c -> {
            List<ControlLease> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM control_lease WHERE expires_at_ns > ? ORDER BY vehicle_id")) {
                ps.setLong(1, nowNs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ControlLease(rs.getString("vehicle_id"),
                                new Operator(rs.getString("holder_subject"), Operator.Role.valueOf(rs.getString("holder_role"))),
                                instant(rs.getLong("acquired_at_ns")), instant(rs.getLong("expires_at_ns")),
                                rs.getString("reason")));
                    }
                }
            }
            return out;
        });
    }

    private static int execute(Connection c, String sql, ControlLease l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            String what = "lease of " + l.vehicleId();
            ps.setString(1, l.holder().subject());
            ps.setString(2, l.holder().role().name());
            ps.setLong(3, nanos(l.acquiredAt(), what + " acquiredAt"));
            ps.setLong(4, nanos(l.expiresAt(), what + " expiresAt"));
            ps.setString(5, l.reason());
            ps.setString(6, l.vehicleId());
            return ps.executeUpdate();
        }
    }
}
