package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.flightlog.FlightEvent;
import org.skyfleet.fleet.flightlog.FlightLogStore;
import org.skyfleet.fleet.flightlog.FlightRecord;
import org.skyfleet.fleet.flightlog.MaintenanceRecord;
import org.skyfleet.fleet.flightlog.TrackPoint;
import org.skyfleet.fleet.store.StoreException;

/** Flights in table {@code flight} (events and track as JSON), maintenance in {@code maintenance_record}. */
final class JdbcFlightLogStore implements FlightLogStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Instant.MAX and the like are past what epoch nanoseconds hold: a query bound is clamped to it. */
    private static final Instant LAST = Instant.parse("2262-01-01T00:00:00Z");
    private static final Instant FIRST = Instant.parse("1678-01-01T00:00:00Z");

    private final Transactions tx;

    JdbcFlightLogStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(FlightRecord f) {
        String events = events(f.events());
        String track = track(f.track());
        tx.write("save flight " + f.flightId(), c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM flight WHERE flight_id = ?")) {
                del.setString(1, f.flightId());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO flight (flight_id, vehicle_id, profile_id, pack_id, flown_by, "
                    + "mission_id, incident_id, takeoff_ns, landing_ns, distance_m, max_alt_rel_m, battery_start_percent, "
                    + "battery_end_percent, events_json, track_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, f.flightId());
                ps.setString(2, f.vehicleId());
                ps.setString(3, f.profileId());
                ps.setString(4, f.packId());
                ps.setString(5, f.flownBy());
                ps.setString(6, f.missionId());
                ps.setString(7, f.incidentId());
                ps.setLong(8, nanos(f.takeoffAt(), "flight takeoff"));
                ps.setLong(9, nanos(f.landingAt(), "flight landing"));
                ps.setDouble(10, f.distanceM());
                ps.setDouble(11, f.maxAltRelM());
                setDouble(ps, 12, f.batteryStartPercent());
                setDouble(ps, 13, f.batteryEndPercent());
                ps.setString(14, events);
                ps.setString(15, track);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<FlightRecord> find(String flightId) {
        return query("WHERE flight_id = ?", ps -> ps.setString(1, flightId), 1).stream().findFirst();
    }

    @Override
    public List<FlightRecord> list(String vehicleId, Instant from, Instant to, int limit) {
        long fromNs = nanos(clamp(from), "from");
        long toNs = nanos(clamp(to), "to");
        if (vehicleId == null) {
            return query("WHERE takeoff_ns >= ? AND takeoff_ns < ?", ps -> {
                ps.setLong(1, fromNs);
                ps.setLong(2, toNs);
            }, limit);
        }
        return query("WHERE vehicle_id = ? AND takeoff_ns >= ? AND takeoff_ns < ?", ps -> {
            ps.setString(1, vehicleId);
            ps.setLong(2, fromNs);
            ps.setLong(3, toNs);
        }, limit);
    }

    @Override
    public void saveMaintenance(MaintenanceRecord r) {
        tx.write("save maintenance of " + r.vehicleId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO maintenance_record (vehicle_id, done_ns, done_by, note) "
                    + "VALUES (?, ?, ?, ?)")) {
                ps.setString(1, r.vehicleId());
                ps.setLong(2, nanos(r.at(), "maintenance time"));
                ps.setString(3, r.by());
                ps.setString(4, r.note());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<MaintenanceRecord> lastMaintenance(String vehicleId) {
        return tx.read("load maintenance of " + vehicleId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM maintenance_record WHERE vehicle_id = ? "
                    + "ORDER BY done_ns DESC LIMIT 1")) {
                ps.setString(1, vehicleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new MaintenanceRecord(rs.getString("vehicle_id"), instant(rs.getLong("done_ns")),
                            rs.getString("done_by"), rs.getString("note"))) : Optional.<MaintenanceRecord>empty();
                }
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<FlightRecord> query(String where, Binder binder, int limit) {
        return tx.read("load flights", c -> {
            List<FlightRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM flight " + where + " ORDER BY takeoff_ns, flight_id LIMIT "
                    + Math.max(1, limit))) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new FlightRecord(rs.getString("flight_id"), rs.getString("vehicle_id"), rs.getString("profile_id"),
                                rs.getString("pack_id"), rs.getString("flown_by"), rs.getString("mission_id"), rs.getString("incident_id"),
                                instant(rs.getLong("takeoff_ns")), instant(rs.getLong("landing_ns")), rs.getDouble("distance_m"),
                                rs.getDouble("max_alt_rel_m"), orNaN(rs, "battery_start_percent"), orNaN(rs, "battery_end_percent"),
                                events(rs.getString("events_json")), track(rs.getString("track_json"))));
                    }
                }
            }
            return out;
        });
    }

    private static Instant clamp(Instant t) {
        return t.isAfter(LAST) ? LAST : t.isBefore(FIRST) ? FIRST : t;
    }

    private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static double orNaN(ResultSet rs, String column) throws SQLException {
        Double d = Transactions.doubleOrNull(rs, column);
        return d == null ? Double.NaN : d;
    }

    static String events(List<FlightEvent> events) {
        ArrayNode a = JSON.createArrayNode();
        events.forEach(e -> a.addObject().put("at", e.at().toString()).put("kind", e.kind()).put("message", e.message()));
        return a.toString();
    }

    static String track(List<TrackPoint> track) {
        // [epoch ms, lat, lon, alt] per point: compact, and exact to the double
        ArrayNode a = JSON.createArrayNode();
        track.forEach(p -> a.addArray().add(p.at().toEpochMilli()).add(p.latDeg()).add(p.lonDeg()).add(p.altRelM()));
        return a.toString();
    }

    private static List<FlightEvent> events(String json) throws SQLException {
        List<FlightEvent> out = new ArrayList<>();
        for (JsonNode n : parse(json)) {
            out.add(new FlightEvent(Instant.parse(n.get("at").asText()), n.get("kind").asText(),
                    n.get("message").isNull() ? null : n.get("message").asText()));
        }
        return out;
    }

    private static List<TrackPoint> track(String json) throws SQLException {
        List<TrackPoint> out = new ArrayList<>();
        for (JsonNode n : parse(json)) {
            out.add(new TrackPoint(Instant.ofEpochMilli(n.get(0).asLong()), n.get(1).asDouble(), n.get(2).asDouble(), n.get(3).asDouble()));
        }
        return out;
    }

    private static JsonNode parse(String json) throws SQLException {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new SQLException("stored flight JSON cannot be read: " + e.getMessage(), e);
        }
    }
}
