package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.gate.CrossingDirection;
import org.skyfleet.fleet.gate.GateCrossing;
import org.skyfleet.fleet.gate.GateCrossingStore;
import org.skyfleet.fleet.gate.SubjectKind;

/**
 * Gate crossings in table {@code gate_crossing} (V13), one row each, a sampling pass's crossings in one batched
 * transaction. A row already there is skipped, so appending the same crossing twice stores it once; a concurrent
 * writer's duplicate is retried once, and then skipped the same way.
 */
final class JdbcGateCrossingStore implements GateCrossingStore {
    private final Transactions tx;

    JdbcGateCrossingStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(List<GateCrossing> crossings) {
        if (crossings.isEmpty()) {
            return;
        }
        tx.upsert("store " + crossings.size() + " gate crossings", conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO gate_crossing (gate_id, subject_kind, subject_id, "
                    + "direction, time_ns, lat_deg, lon_deg) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM gate_crossing "
                    + "WHERE gate_id = ? AND subject_kind = ? AND subject_id = ? AND direction = ? AND time_ns = ?)")) {
                for (GateCrossing c : crossings) {
                    long t = nanos(c.time(), "gate crossing time");
                    ps.setString(1, c.gateId());
                    ps.setString(2, c.kind().name());
                    ps.setString(3, c.subjectId());
                    ps.setString(4, c.direction().name());
                    ps.setLong(5, t);
                    ps.setDouble(6, c.latDeg());
                    ps.setDouble(7, c.lonDeg());
                    ps.setString(8, c.gateId());
                    ps.setString(9, c.kind().name());
                    ps.setString(10, c.subjectId());
                    ps.setString(11, c.direction().name());
                    ps.setLong(12, t);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<GateCrossing> since(Instant from) {
        long t = nanos(from, "gate crossings from");
        return tx.read("load gate crossings since " + from, conn -> {
            List<GateCrossing> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM gate_crossing WHERE time_ns >= ? "
                    + "ORDER BY time_ns, gate_id, subject_kind, subject_id, direction")) {
                ps.setLong(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new GateCrossing(rs.getString("gate_id"), SubjectKind.valueOf(rs.getString("subject_kind")),
                                rs.getString("subject_id"), CrossingDirection.valueOf(rs.getString("direction")),
                                instant(rs.getLong("time_ns")), rs.getDouble("lat_deg"), rs.getDouble("lon_deg")));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        long t = nanos(cutoff, "gate crossing cutoff");
        return tx.write("delete gate crossings before " + cutoff, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM gate_crossing WHERE time_ns < ?")) {
                ps.setLong(1, t);
                return ps.executeUpdate();
            }
        });
    }
}
