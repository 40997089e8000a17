package org.skyfleet.fleet.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.fusion.PositionCovariance;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.store.TrackStore;

/** Track snapshots in table {@code track}, one row per track, replaced on each update. */
final class JdbcTrackStore implements TrackStore {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String UPDATE = "UPDATE track SET track_number = ?, state = ?, target_class = ?, lat_deg = ?, lon_deg = ?, "
            + "velocity_east_mps = ?, velocity_north_mps = ?, east_var_m2 = ?, east_north_cov_m2 = ?, north_var_m2 = ?, "
            + "sighting_ids_json = ?, first_update_ms = ?, last_update_ms = ?, confidence = ?, incident_id = ? WHERE track_id = ?";
    private static final String INSERT = "INSERT INTO track (track_number, state, target_class, lat_deg, lon_deg, "
            + "velocity_east_mps, velocity_north_mps, east_var_m2, east_north_cov_m2, north_var_m2, sighting_ids_json, "
            + "first_update_ms, last_update_ms, confidence, incident_id, track_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;

    JdbcTrackStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Track t) {
        ArrayNode ids = MAPPER.createArrayNode();
        t.sightingIds().forEach(ids::add);
        String sightingIds = ids.toString();
        tx.upsert("save track " + t.id(), c -> {
            if (execute(c, UPDATE, t, sightingIds) == 0) {
                execute(c, INSERT, t, sightingIds);
            }
            return null;
        });
    }

    @Override
    public List<Track> loadLive() {
        return tx.read("load live tracks", c -> {
            List<Track> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM track WHERE state <> 'DROPPED' ORDER BY track_number, track_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    @Override
    public long highestTrackNumber() {
        return tx.read("read the highest track number", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(track_number) FROM track");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static Track read(ResultSet rs) throws SQLException {
        String id = rs.getString("track_id");
        List<String> sightingIds = new ArrayList<>();
        try {
            for (JsonNode n : MAPPER.readTree(rs.getString("sighting_ids_json"))) {
                sightingIds.add(n.asText());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored track " + id + " cannot be read: " + e.getMessage(), e);
        }
        PositionCovariance cov = new PositionCovariance(rs.getDouble("east_var_m2"), rs.getDouble("east_north_cov_m2"),
                rs.getDouble("north_var_m2"));
        return new Track(id, TrackState.valueOf(rs.getString("state")), TargetClass.valueOf(rs.getString("target_class")),
                rs.getDouble("lat_deg"), rs.getDouble("lon_deg"), rs.getDouble("velocity_east_mps"),
                rs.getDouble("velocity_north_mps"), cov, cov.ellipse95(), sightingIds, rs.getLong("first_update_ms"),
                rs.getLong("last_update_ms"), rs.getDouble("confidence"), Optional.ofNullable(rs.getString("incident_id")));
    }

    private static int execute(Connection c, String sql, Track t, String sightingIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, TrackStore.numberOf(t.id()));
            ps.setString(2, t.state().name());
            ps.setString(3, t.targetClass().name());
            ps.setDouble(4, t.latDeg());
            ps.setDouble(5, t.lonDeg());
            ps.setDouble(6, t.velocityEastMps());
            ps.setDouble(7, t.velocityNorthMps());
            ps.setDouble(8, t.positionCovariance().eastVarM2());
            ps.setDouble(9, t.positionCovariance().eastNorthCovM2());
            ps.setDouble(10, t.positionCovariance().northVarM2());
            ps.setString(11, sightingIds);
            ps.setLong(12, t.firstUpdateMs());
            ps.setLong(13, t.lastUpdateMs());
            ps.setDouble(14, t.confidence());
            ps.setString(15, t.incidentId().orElse(null));
            ps.setString(16, t.id());
            return ps.executeUpdate();
        }
    }
}
