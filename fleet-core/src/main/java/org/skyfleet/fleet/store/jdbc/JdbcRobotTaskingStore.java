package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.escort.RobotTasking;
import org.skyfleet.fleet.escort.RobotTaskingStore;

/** Robot taskings in table {@code robot_tasking}, one row per robot (delete and insert in one transaction). */
final class JdbcRobotTaskingStore implements RobotTaskingStore {
    private final Transactions tx;

    JdbcRobotTaskingStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(RobotTasking t) {
        long at = nanos(t.changedAt(), "tasking of " + t.robotVehicleId() + " changedAt");
        tx.write("save tasking of " + t.robotVehicleId(), conn -> {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM robot_tasking WHERE robot_vehicle_id = ?")) {
                del.setString(1, t.robotVehicleId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO robot_tasking (robot_vehicle_id, unit_id, "
                    + "stand_off_m, duty, changed_by, changed_at_ns) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, t.robotVehicleId());
                ps.setString(2, t.unitId());
                ps.setDouble(3, t.standOffM());
                ps.setString(4, t.duty().name());
                ps.setString(5, t.changedBy());
                ps.setLong(6, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<RobotTasking> find(String robotVehicleId) {
        return tx.read("find tasking of " + robotVehicleId, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM robot_tasking WHERE robot_vehicle_id = ?")) {
                ps.setString(1, robotVehicleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(tasking(rs)) : Optional.<RobotTasking>empty();
                }
            }
        });
    }

    @Override
    public List<RobotTasking> loadAll() {
        return tx.read("load robot taskings", conn -> {
            List<RobotTasking> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM robot_tasking ORDER BY robot_vehicle_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(tasking(rs));
                }
            }
            return out;
        });
    }

    private static RobotTasking tasking(ResultSet rs) throws java.sql.SQLException {
        return new RobotTasking(rs.getString("robot_vehicle_id"), rs.getString("unit_id"), rs.getDouble("stand_off_m"),
                RobotTasking.Duty.valueOf(rs.getString("duty")), rs.getString("changed_by"), instant(rs.getLong("changed_at_ns")));
    }
}
