package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.skyfleet.fleet.evidence.EvidenceSegment;
import org.skyfleet.fleet.evidence.EvidenceStore;

/** Evidence segment records in table {@code evidence_segment} (migration V8). */
final class JdbcEvidenceStore implements EvidenceStore {
    private final Transactions tx;

    JdbcEvidenceStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void save(EvidenceSegment s) {
        long start = nanos(s.start(), "evidence segment " + s.segmentId() + " start");
        long end = nanos(s.end(), "evidence segment " + s.segmentId() + " end");
        tx.write("save evidence segment " + s.segmentId(), conn -> {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM evidence_segment WHERE segment_id = ?");
                 PreparedStatement ins = conn.prepareStatement("INSERT INTO evidence_segment (segment_id, incident_id, vehicle_id, "
                         + "file_name, start_ns, end_ns, size_bytes, sha256, audit_sequence, audit_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, s.segmentId());
                del.executeUpdate();
                ins.setString(1, s.segmentId());
                ins.setString(2, s.incidentId());
                ins.setString(3, s.vehicleId());
                ins.setString(4, s.fileName());
                ins.setLong(5, start);
                ins.setLong(6, end);
                ins.setLong(7, s.sizeBytes());
                ins.setString(8, s.sha256());
                ins.setLong(9, s.auditSequence());
                ins.setString(10, s.auditHash());
                return ins.executeUpdate();
            }
        });
    }

    @Override
    public Optional<EvidenceSegment> find(String segmentId) {
        List<EvidenceSegment> found = query("find evidence segment " + segmentId,
                "SELECT * FROM evidence_segment WHERE segment_id = ?", segmentId);
        return found.stream().findFirst();
    }

    @Override
    public List<EvidenceSegment> byIncident(String incidentId) {
        return query("evidence of incident " + incidentId,
                "SELECT * FROM evidence_segment WHERE incident_id = ? ORDER BY start_ns, segment_id", incidentId);
    }

    @Override
    public List<EvidenceSegment> endedBefore(Instant cutoff) {
        return query("evidence ended before " + cutoff,
                "SELECT * FROM evidence_segment WHERE end_ns < ? ORDER BY start_ns, segment_id", nanos(cutoff, "evidence cutoff"));
    }

    @Override
    public boolean delete(String segmentId) {
        return tx.write("delete evidence segment " + segmentId, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM evidence_segment WHERE segment_id = ?")) {
                ps.setString(1, segmentId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private List<EvidenceSegment> query(String what, String sql, Object parameter) {
        return tx.read(what, conn -> {
            List<EvidenceSegment> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setObject(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(segment(rs));
                    }
                }
            }
            return out;
        });
    }

    private static EvidenceSegment segment(ResultSet rs) throws SQLException {
        return new EvidenceSegment(rs.getString("segment_id"), rs.getString("incident_id"), rs.getString("vehicle_id"),
                rs.getString("file_name"), instant(rs.getLong("start_ns")), instant(rs.getLong("end_ns")), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getLong("audit_sequence"), rs.getString("audit_hash"));
    }
}
