package org.skyfleet.fleet.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.fusion.HorizontalUncertainty;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.store.SightingStore;

/** Sightings in table {@code sighting}, insert-only. */
final class JdbcSightingStore implements SightingStore {
    private final Transactions tx;

    JdbcSightingStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(Sighting s) {
        tx.write("store sighting " + s.id(), c -> {
            insert(c, s);
            return null;
        });
    }

    @Override
    public void appendWithTimeline(Sighting s, TimelineEntry entry) {
        String incidentId = s.incidentId().orElseThrow(() -> new IllegalArgumentException(
                "sighting " + s.id() + " names no incident to record it on"));
        tx.write("store sighting " + s.id() + " on incident " + incidentId, c -> {
            JdbcIncidentStore.appendTimeline(c, incidentId, entry);
            insert(c, s);
            return null;
        });
    }

    @Override
    public List<Sighting> forIncident(String incidentId) {
        return tx.read("read the sightings of incident " + incidentId, c -> {
            List<Sighting> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM sighting WHERE incident_id = ? ORDER BY time_ms, sighting_id")) {
                ps.setString(1, incidentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(sighting(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean contains(String sightingId) {
        return tx.read("look up sighting " + sightingId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sighting WHERE sighting_id = ?")) {
                ps.setString(1, sightingId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public long count() {
        return tx.read("count sightings", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sighting");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void insert(Connection c, Sighting s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sighting (sighting_id, source_kind, source_id, time_ms, "
                + "lat_deg, lon_deg, east_var_m2, east_north_cov_m2, north_var_m2, target_class, confidence, image_ref, "
                + "incident_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.sourceKind().name());
            ps.setString(3, s.sourceId());
            ps.setLong(4, s.timeMs());
            ps.setDouble(5, s.latDeg());
            ps.setDouble(6, s.lonDeg());
            ps.setDouble(7, s.uncertainty().eastVarM2());
            ps.setDouble(8, s.uncertainty().eastNorthCovM2());
            ps.setDouble(9, s.uncertainty().northVarM2());
            ps.setString(10, s.targetClass().name());
            ps.setDouble(11, s.confidence());
            ps.setString(12, s.imageRef().orElse(null));
            ps.setString(13, s.incidentId().orElse(null));
            ps.executeUpdate();
        }
    }

    private static Sighting sighting(ResultSet rs) throws SQLException {
        return new Sighting(rs.getString("sighting_id"), SourceKind.valueOf(rs.getString("source_kind")),
                rs.getString("source_id"), rs.getLong("time_ms"), rs.getDouble("lat_deg"), rs.getDouble("lon_deg"),
                new HorizontalUncertainty(rs.getDouble("east_var_m2"), rs.getDouble("east_north_cov_m2"),
                        rs.getDouble("north_var_m2")),
                TargetClass.valueOf(rs.getString("target_class")), rs.getDouble("confidence"),
                Optional.ofNullable(rs.getString("image_ref")), Optional.ofNullable(rs.getString("incident_id")));
    }
}
