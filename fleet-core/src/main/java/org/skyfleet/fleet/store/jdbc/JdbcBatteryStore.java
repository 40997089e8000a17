package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instantOrNull;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanosOrNull;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.battery.BatteryPack;
import org.skyfleet.fleet.battery.BatteryStore;

/** Battery packs in table {@code battery_pack}, each written whole in one transaction. */
final class JdbcBatteryStore implements BatteryStore {
    private static final String COLUMNS = "model, rated_capacity_mah, full_capacity_mah, cycle_count, cycle_limit, fade_limit_percent, "
            + "last_charged_ns, vehicle_id, installed_ns, cleared_by, cleared_ns, cleared_cycles, cleared_fade_percent";

    private final Transactions tx;

    JdbcBatteryStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(BatteryPack p) {
        tx.upsert("save battery pack " + p.packId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE battery_pack SET model = ?, rated_capacity_mah = ?, "
                    + "full_capacity_mah = ?, cycle_count = ?, cycle_limit = ?, fade_limit_percent = ?, last_charged_ns = ?, "
                    + "vehicle_id = ?, installed_ns = ?, cleared_by = ?, cleared_ns = ?, cleared_cycles = ?, cleared_fade_percent = ? "
                    + "WHERE pack_id = ?")) {
                bind(ps, p);
                if (ps.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO battery_pack (" + COLUMNS
                    + ", pack_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, p);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, BatteryPack p) throws SQLException {
        ps.setString(1, p.model());
        ps.setDouble(2, p.ratedCapacityMah());
        ps.setDouble(3, p.fullCapacityMah());
        ps.setInt(4, p.cycleCount());
        ps.setInt(5, p.cycleLimit());
        ps.setDouble(6, p.fadeLimitPercent());
        setLong(ps, 7, nanosOrNull(p.lastChargedAt(), "battery " + p.packId() + " last charge"));
        ps.setString(8, p.vehicleId());
        setLong(ps, 9, nanosOrNull(p.installedAt(), "battery " + p.packId() + " installed"));
        BatteryPack.Clearance cl = p.clearance();
        ps.setString(10, cl == null ? null : cl.by());
        setLong(ps, 11, cl == null ? null : nanosOrNull(cl.at(), "battery " + p.packId() + " clearance"));
        if (cl == null) {
            ps.setNull(12, Types.INTEGER);
            ps.setNull(13, Types.DOUBLE);
        } else {
            ps.setInt(12, cl.cycleCount());
            ps.setDouble(13, cl.fadePercent());
        }
        ps.setString(14, p.packId());
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    @Override
    public Optional<BatteryPack> find(String packId) {
        return read("WHERE pack_id = ?", packId).stream().findFirst();
    }

    @Override
    public List<BatteryPack> list() {
        return read("", null);
    }

    private List<BatteryPack> read(String where, String arg) {
        return tx.read("load battery packs", c -> {
            List<BatteryPack> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pack_id, " + COLUMNS + " FROM battery_pack " + where
                    + " ORDER BY pack_id")) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String by = rs.getString("cleared_by");
                        BatteryPack.Clearance cl = by == null ? null : new BatteryPack.Clearance(by, instantOrNull(rs, "cleared_ns"),
                                rs.getInt("cleared_cycles"), rs.getDouble("cleared_fade_percent"));
                        out.add(new BatteryPack(rs.getString("pack_id"), rs.getString("model"), rs.getDouble("rated_capacity_mah"),
                                rs.getDouble("full_capacity_mah"), rs.getInt("cycle_count"), rs.getInt("cycle_limit"),
                                rs.getDouble("fade_limit_percent"), instantOrNull(rs, "last_charged_ns"), rs.getString("vehicle_id"),
                                instantOrNull(rs, "installed_ns"), cl));
                    }
                }
            }
            return out;
        });
    }
}
