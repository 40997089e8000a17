package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.instantOrNull;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanosOrNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.MissingPerson;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.incident.UnknownIncidentException;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Incidents in table {@code incident}, their timelines in {@code incident_timeline}. A write locks the
 * incident's row first ({@code SELECT ... FOR UPDATE}), so concurrent appends to one timeline take
 * sequence numbers one after the other.
 */
final class JdbcIncidentStore implements IncidentStore {
    private static final String COLUMNS = "external_id, incident_type, priority, lat_deg, lon_deg, reported_at_ns, "
            + "subject_description, mp_lat_deg, mp_lon_deg, mp_last_seen_ns, mp_category, mp_age_years, search_json, "
            + "track_ids_json, unit_ids_json, close_reason, closed_at_ns";
    private static final String INSERT = "INSERT INTO incident (" + COLUMNS + ", incident_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE incident SET external_id = ?, incident_type = ?, priority = ?, lat_deg = ?, "
            + "lon_deg = ?, reported_at_ns = ?, subject_description = ?, mp_lat_deg = ?, mp_lon_deg = ?, "
            + "mp_last_seen_ns = ?, mp_category = ?, mp_age_years = ?, search_json = ?, track_ids_json = ?, "
            + "unit_ids_json = ?, close_reason = ?, closed_at_ns = ? WHERE incident_id = ?";
    private static final String INSERT_ENTRY = "INSERT INTO incident_timeline (incident_id, seq, time_ns, kind, text, actor, "
            + "vehicle_id, track_id, unit_id, sighting_id, code, params_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;

    JdbcIncidentStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Incident incident) {
        tx.upsert("save incident " + incident.incidentId(), c -> {
            boolean exists = lock(c, incident.incidentId());
            try (PreparedStatement ps = c.prepareStatement(exists ? UPDATE : INSERT)) {
                bind(ps, incident);
                ps.executeUpdate();
            }
            int stored = nextSeq(c, incident.incidentId());
            List<TimelineEntry> timeline = incident.timeline();
            if (stored < timeline.size()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRY)) {
                    for (int seq = stored; seq < timeline.size(); seq++) {
                        bindEntry(ps, incident.incidentId(), seq, timeline.get(seq));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public void appendTimeline(String incidentId, TimelineEntry entry) {
        tx.write("append to the timeline of incident " + incidentId, c -> {
            appendTimeline(c, incidentId, entry);
            return null;
        });
    }

    /** Appends within the caller's transaction; also used when a sighting is stored with its entry. */
    static void appendTimeline(Connection c, String incidentId, TimelineEntry entry) throws SQLException {
        if (!lock(c, incidentId)) {
            throw new UnknownIncidentException(incidentId);
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRY)) {
            bindEntry(ps, incidentId, nextSeq(c, incidentId), entry);
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Incident> find(String incidentId) {
        return tx.read("read incident " + incidentId, c -> load(c, "incident_id = ?", incidentId).stream().findFirst());
    }

    @Override
    public List<Incident> loadOpen() {
        return tx.read("load open incidents", c -> load(c, "closed_at_ns IS NULL", null));
    }

    private static boolean lock(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT incident_id FROM incident WHERE incident_id = ? FOR UPDATE")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static int nextSeq(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM incident_timeline WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Incident i) throws SQLException {
        ps.setString(1, i.externalId());
        ps.setString(2, i.type().name());
        ps.setString(3, i.priority().name());
        ps.setDouble(4, i.location().latDeg());
        ps.setDouble(5, i.location().lonDeg());
        ps.setLong(6, nanos(i.reportedAt(), "incident " + i.incidentId() + " reportedAt"));
        ps.setString(7, i.subjectDescription());
        MissingPerson mp = i.missingPerson();
        if (mp == null) {
            ps.setNull(8, Types.DOUBLE);
            ps.setNull(9, Types.DOUBLE);
            ps.setNull(10, Types.BIGINT);
            ps.setNull(11, Types.VARCHAR);
            ps.setNull(12, Types.INTEGER);
        } else {
            ps.setDouble(8, mp.lastKnownPoint().latDeg());
            ps.setDouble(9, mp.lastKnownPoint().lonDeg());
            ps.setLong(10, nanos(mp.lastSeen(), "incident " + i.incidentId() + " lastSeen"));
            ps.setString(11, mp.category().name());
            ps.setInt(12, mp.ageYears());
        }
        ps.setString(13, IncidentJson.search(i.search()));
        ps.setString(14, IncidentJson.ids(i.trackIds()));
        ps.setString(15, IncidentJson.ids(i.unitIds()));
        ps.setString(16, i.closeReason());
        ps.setObject(17, nanosOrNull(i.closedAt(), "incident " + i.incidentId() + " closedAt"), Types.BIGINT);
        ps.setString(18, i.incidentId());
    }

    private static void bindEntry(PreparedStatement ps, String incidentId, int seq, TimelineEntry e) throws SQLException {
        ps.setString(1, incidentId);
        ps.setInt(2, seq);
        ps.setLong(3, nanos(e.time(), "timeline entry time"));
        ps.setString(4, e.kind().name());
        ps.setString(5, e.text());
        ps.setString(6, e.actor());
        ps.setString(7, e.vehicleId());
        ps.setString(8, e.trackId());
        ps.setString(9, e.unitId());
        ps.setString(10, e.sightingId());
        ps.setString(11, e.code());
        ps.setString(12, IncidentJson.params(e.params()));
    }

    /** Incidents matching {@code where} (one optional string parameter), with their timelines. */
    private static List<Incident> load(Connection c, String where, String param) throws SQLException {
        Map<String, List<TimelineEntry>> timelines = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.* FROM incident_timeline t JOIN incident i "
                + "ON i.incident_id = t.incident_id WHERE i." + where + " ORDER BY t.incident_id, t.seq")) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    timelines.computeIfAbsent(rs.getString("incident_id"), k -> new ArrayList<>()).add(new TimelineEntry(
                            instant(rs.getLong("time_ns")), TimelineKind.valueOf(rs.getString("kind")), rs.getString("text"),
                            rs.getString("actor"), rs.getString("vehicle_id"), rs.getString("track_id"),
                            rs.getString("unit_id"), rs.getString("sighting_id"), rs.getString("code"),
                            IncidentJson.params(rs.getString("params_json"))));
                }
            }
        }
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT incident_id, " + COLUMNS + " FROM incident WHERE " + where
                + " ORDER BY reported_at_ns, incident_id")) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("incident_id");
                    out.add(incident(rs, timelines.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
    }

    private static Incident incident(ResultSet rs, List<TimelineEntry> timeline) throws SQLException {
        MissingPerson mp = null;
        String category = rs.getString("mp_category");
        if (category != null) {
            mp = new MissingPerson(new GeoPoint(rs.getDouble("mp_lat_deg"), rs.getDouble("mp_lon_deg")),
                    instant(rs.getLong("mp_last_seen_ns")), SubjectCategory.valueOf(category), rs.getInt("mp_age_years"));
        }
        return new Incident(rs.getString("incident_id"), rs.getString("external_id"),
                IncidentType.valueOf(rs.getString("incident_type")), IncidentPriority.valueOf(rs.getString("priority")),
                new GeoPoint(rs.getDouble("lat_deg"), rs.getDouble("lon_deg")), instant(rs.getLong("reported_at_ns")),
                rs.getString("subject_description"), mp, IncidentJson.search(rs.getString("search_json")), timeline,
                IncidentJson.idSet(rs.getString("track_ids_json")), IncidentJson.idSet(rs.getString("unit_ids_json")),
                rs.getString("close_reason"), instantOrNull(rs, "closed_at_ns"));
    }
}
