package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.doubleOrNull;
import static org.skyfleet.fleet.store.jdbc.Transactions.instantOrNull;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanosOrNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.dispatch.EtaMethod;
import org.skyfleet.fleet.store.AssignmentStore;
import org.skyfleet.planner.geo.GeoPoint;

/** Assignments in table {@code assignment}, upserted by id, with how their ETA was estimated and the route (V14). */
final class JdbcAssignmentStore implements AssignmentStore {
    private static final String UPDATE = "UPDATE assignment SET unit_id = ?, incident_id = ?, track_id = ?, "
            + "target_lat_deg = ?, target_lon_deg = ?, state = ?, eta_s = ?, distance_m = ?, acknowledge_by_ns = ?, "
            + "updated_at_ns = ?, description = ?, eta_method = ?, route = ? WHERE assignment_id = ?";
    private static final String INSERT = "INSERT INTO assignment (unit_id, incident_id, track_id, target_lat_deg, "
            + "target_lon_deg, state, eta_s, distance_m, acknowledge_by_ns, updated_at_ns, description, eta_method, route, "
            + "assignment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Transactions tx;

    JdbcAssignmentStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(Assignment a) {
        tx.upsert("save assignment " + a.assignmentId(), c -> {
            if (execute(c, UPDATE, a) == 0) {
                execute(c, INSERT, a);
            }
            return null;
        });
    }

    @Override
    public Optional<Assignment> find(String assignmentId) {
        return tx.read("read assignment " + assignmentId,
                c -> select(c, "WHERE assignment_id = ?", assignmentId).stream().findFirst());
    }

    @Override
    public List<Assignment> loadOpen() {
        return tx.read("load open assignments", c -> select(c, "WHERE state IN ('"
                + AssignmentState.OFFERED.name() + "', '" + AssignmentState.ACKNOWLEDGED.name() + "')", null));
    }

    @Override
    public long highestAssignmentNumber() {
        // ids are asg-<zero-padded n>: the longest, then the greatest, holds the highest number
        return tx.read("read the highest assignment number", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT assignment_id FROM assignment WHERE assignment_id LIKE 'asg-%' "
                    + "ORDER BY LENGTH(assignment_id) DESC, assignment_id DESC LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? AssignmentStore.numberOf(rs.getString(1)) : 0L;
            }
        });
    }

    private static int execute(Connection c, String sql, Assignment a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            String what = "assignment " + a.assignmentId();
            ps.setString(1, a.unitId());
            ps.setString(2, a.incidentId());
            ps.setString(3, a.trackId());
            ps.setObject(4, a.target() == null ? null : a.target().latDeg(), Types.DOUBLE);
            ps.setObject(5, a.target() == null ? null : a.target().lonDeg(), Types.DOUBLE);
            ps.setString(6, a.state().name());
            ps.setDouble(7, a.etaS());
            ps.setDouble(8, a.distanceM());
            ps.setObject(9, nanosOrNull(a.acknowledgeBy(), what + " acknowledgeBy"), Types.BIGINT);
            ps.setObject(10, nanosOrNull(a.updatedAt(), what + " updatedAt"), Types.BIGINT);
            ps.setString(11, a.description());
            ps.setString(12, a.etaMethod() == EtaMethod.UNKNOWN ? null : a.etaMethod().name());
            ps.setString(13, RouteText.of(a.route()));
            ps.setString(14, a.assignmentId());
            return ps.executeUpdate();
        }
    }

    private static List<Assignment> select(Connection c, String where, String param) throws SQLException {
        List<Assignment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM assignment " + where + " ORDER BY assignment_id")) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Double lat = doubleOrNull(rs, "target_lat_deg");
                    Double lon = doubleOrNull(rs, "target_lon_deg");
                    String id = rs.getString("assignment_id");
                    String method = rs.getString("eta_method");
                    out.add(new Assignment(id, rs.getString("unit_id"),
                            rs.getString("incident_id"), rs.getString("track_id"),
                            lat == null || lon == null ? null : new GeoPoint(lat, lon),
                            AssignmentState.valueOf(rs.getString("state")), rs.getDouble("eta_s"),
                            rs.getDouble("distance_m"), instantOrNull(rs, "acknowledge_by_ns"),
                            instantOrNull(rs, "updated_at_ns"), rs.getString("description"),
                            method == null ? EtaMethod.UNKNOWN : EtaMethod.valueOf(method), RouteText.parse(rs.getString("route"), id)));
                }
            }
        }
        return out;
    }
}
