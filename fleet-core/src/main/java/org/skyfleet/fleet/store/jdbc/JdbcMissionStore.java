package org.skyfleet.fleet.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.skyfleet.fleet.command.MissionContentHash;
import org.skyfleet.fleet.mission.Mission;
import org.skyfleet.fleet.mission.MissionCodec;
import org.skyfleet.fleet.mission.MissionState;
import org.skyfleet.fleet.mission.MissionStore;

/** Missions in table {@code mission}, one row per mission, rewritten whole on each change. */
final class JdbcMissionStore implements MissionStore {
    private static final String UPDATE = "UPDATE mission SET vehicle_id = ?, state = ?, content_hash = ?, cruise_speed_mps = ?, "
            + "current_seq = ?, reached_seq = ?, items_json = ?, transitions_json = ? WHERE mission_id = ?";
    private static final String INSERT = "INSERT INTO mission (vehicle_id, state, content_hash, cruise_speed_mps, current_seq, "
            + "reached_seq, items_json, transitions_json, mission_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;

    JdbcMissionStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Mission m) {
        String items = MissionCodec.items(m.items());
        String transitions = MissionCodec.transitions(m.transitions(), m.missionId());
        tx.upsert("save mission " + m.missionId(), c -> {
            if (execute(c, UPDATE, m, items, transitions) == 0) {
                execute(c, INSERT, m, items, transitions);
            }
            return null;
        });
    }

    @Override
    public List<Mission> loadAll() {
        return tx.read("load missions", c -> {
            List<Mission> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mission ORDER BY mission_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("mission_id");
                    out.add(new Mission(id, rs.getString("vehicle_id"), MissionCodec.items(rs.getString("items_json"), id),
                            new MissionContentHash(rs.getString("content_hash")), rs.getDouble("cruise_speed_mps"),
                            MissionState.valueOf(rs.getString("state")),
                            MissionCodec.transitions(rs.getString("transitions_json"), id), rs.getInt("current_seq"),
                            rs.getInt("reached_seq")));
                }
            }
            return out;
        });
    }

    private static int execute(Connection c, String sql, Mission m, String items, String transitions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, m.vehicleId());
            ps.setString(2, m.state().name());
            ps.setString(3, m.contentHash().sha256Hex());
            ps.setDouble(4, m.cruiseSpeedMps());
            ps.setInt(5, m.currentSeq());
            ps.setInt(6, m.reachedSeq());
            ps.setString(7, items);
            ps.setString(8, transitions);
            ps.setString(9, m.missionId());
            return ps.executeUpdate();
        }
    }
}
