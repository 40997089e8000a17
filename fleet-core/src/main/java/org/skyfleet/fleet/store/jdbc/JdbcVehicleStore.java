package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.store.VehicleRecord;
import org.skyfleet.fleet.store.VehicleStore;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;

/** Known vehicles in table {@code vehicle}; an update keeps the first-seen time. */
final class JdbcVehicleStore implements VehicleStore {
    private static final String UPDATE = "UPDATE vehicle SET kind = ?, autopilot = ?, mavlink_system_id = ?, link_peer = ?, "
            + "last_seen_ns = ?, link_state = ?, last_lat_deg = ?, last_lon_deg = ?, last_alt_amsl_m = ? WHERE vehicle_id = ?";
    private static final String INSERT = "INSERT INTO vehicle (kind, autopilot, mavlink_system_id, link_peer, last_seen_ns, "
            + "link_state, last_lat_deg, last_lon_deg, last_alt_amsl_m, vehicle_id, first_seen_ns) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;

    JdbcVehicleStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(VehicleRecord v) {
        tx.upsert("save vehicle " + v.vehicleId(), c -> {
            if (execute(c, UPDATE, v, false) == 0) {
                execute(c, INSERT, v, true);
            }
            return null;
        });
    }

    @Override
    public List<VehicleRecord> loadAll() {
        return tx.read("load vehicles", c -> {
            List<VehicleRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM vehicle ORDER BY vehicle_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VehicleIdentity id = new VehicleIdentity(rs.getString("vehicle_id"), VehicleKind.valueOf(rs.getString("kind")),
                            AutopilotKind.valueOf(rs.getString("autopilot")), rs.getInt("mavlink_system_id"),
                            rs.getString("link_peer"));
                    out.add(new VehicleRecord(id, instant(rs.getLong("first_seen_ns")), instant(rs.getLong("last_seen_ns")),
                            LinkState.valueOf(rs.getString("link_state")), orNaN(rs, "last_lat_deg"), orNaN(rs, "last_lon_deg"),
                            orNaN(rs, "last_alt_amsl_m")));
                }
            }
            return out;
        });
    }

    private static double orNaN(ResultSet rs, String column) throws SQLException {
        Double d = Transactions.doubleOrNull(rs, column);
        return d == null ? Double.NaN : d;
    }

    /** @param insert the INSERT, which also sets the first-seen time an update keeps */
    private static int execute(Connection c, String sql, VehicleRecord v, boolean insert) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            VehicleIdentity id = v.identity();
            ps.setString(1, id.kind().name());
            ps.setString(2, id.autopilot().name());
            ps.setInt(3, id.mavlinkSystemId());
            ps.setString(4, id.linkPeer());
            ps.setLong(5, nanos(v.lastSeen(), "vehicle " + id.vehicleId() + " lastSeen"));
            ps.setString(6, v.linkState().name());
            setOrNull(ps, 7, v.lastLatDeg());
            setOrNull(ps, 8, v.lastLonDeg());
            setOrNull(ps, 9, v.lastAltAmslM());
            ps.setString(10, id.vehicleId());
            if (insert) {
                ps.setLong(11, nanos(v.firstSeen(), "vehicle " + id.vehicleId() + " firstSeen"));
            }
            return ps.executeUpdate();
        }
    }

    private static void setOrNull(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(index, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }
}
