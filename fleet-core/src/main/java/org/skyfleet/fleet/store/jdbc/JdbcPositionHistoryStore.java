package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.PositionSample;

/**
 * Position samples in table {@code position_sample}, keyed by vehicle and time. A repeated sample is
 * skipped by {@code INSERT ... SELECT ... WHERE NOT EXISTS} (no {@code ON CONFLICT}, which H2 lacks);
 * two repeats racing each other end in a unique violation, and the retry then skips.
 */
final class JdbcPositionHistoryStore implements PositionHistoryStore {
    private final Transactions tx;

    JdbcPositionHistoryStore(Transactions tx) {
        this.tx = tx;
    }

    private static final String INSERT_IF_NEW = "INSERT INTO position_sample (vehicle_id, time_ns, lat_deg, "
            + "lon_deg, alt_amsl_m) SELECT CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS DOUBLE PRECISION), "
            + "CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION) WHERE NOT EXISTS "
            + "(SELECT 1 FROM position_sample WHERE vehicle_id = ? AND time_ns = ?)";

    @Override
    public void append(String vehicleId, Instant time, double latDeg, double lonDeg, double altAmslM) {
        appendAll(List.of(new PositionSample(vehicleId, time, latDeg, lonDeg, altAmslM)));
    }

    /** One transaction and one JDBC batch for all of them. */
    @Override
    public void appendAll(List<PositionSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        tx.upsert("store " + samples.size() + " position samples", c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT_IF_NEW)) {
                for (PositionSample s : samples) {
                    long ns = nanos(s.time(), "position sample time");
                    ps.setString(1, s.vehicleId());
                    ps.setLong(2, ns);
                    ps.setDouble(3, s.latDeg());
                    ps.setDouble(4, s.lonDeg());
                    ps.setDouble(5, s.altAmslM());
                    ps.setString(6, s.vehicleId());
                    ps.setLong(7, ns);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    /** Bounds beyond what a sample can have (Instant.MIN, Instant.MAX) clamp to the storable range. */
    private static long clamped(Instant t) {
        if (t.isBefore(instant(Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        return t.isAfter(instant(Long.MAX_VALUE)) ? Long.MAX_VALUE : nanos(t, "replay bound");
    }

    @Override
    public List<PositionSample> replay(String vehicleId, Instant from, Instant to) {
        long fromNs = clamped(from);
        long toNs = clamped(to);
        return tx.read("replay the positions of " + vehicleId, c -> {
            List<PositionSample> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT time_ns, lat_deg, lon_deg, alt_amsl_m FROM position_sample "
                    + "WHERE vehicle_id = ? AND time_ns >= ? AND time_ns < ? ORDER BY time_ns")) {
                ps.setString(1, vehicleId);
                ps.setLong(2, fromNs);
                ps.setLong(3, toNs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PositionSample(vehicleId, instant(rs.getLong("time_ns")), rs.getDouble("lat_deg"),
                                rs.getDouble("lon_deg"), rs.getDouble("alt_amsl_m")));
                    }
                }
            }
            return out;
        });
    }

    /** One DELETE over the time index (migration V11). */
    @Override
    public long pruneBefore(Instant cutoff) {
        long cutoffNs = clamped(cutoff);
        return tx.write("forget position samples before " + cutoff, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM position_sample WHERE time_ns < ?")) {
                ps.setLong(1, cutoffNs);
                return (long) ps.executeUpdate();
            }
        });
    }
}
