package org.skyfleet.fleet.store.jdbc;

import static org.skyfleet.fleet.store.jdbc.Transactions.instant;
import static org.skyfleet.fleet.store.jdbc.Transactions.nanos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditStore;

/**
 * The audit chain in table {@code audit_entry}, one row per entry, keyed by its sequence number. Several
 * stores (server nodes) may append to one database: an append reads the tail and inserts the next sequence
 * in one transaction; the primary key turns a lost race into a unique violation, and the append is run
 * again on the new tail.
 */
final class JdbcAuditStore implements AuditStore {
    /** Runs of one append before giving up; each lost run means another writer's entry was stored. */
    static final int APPEND_ATTEMPTS = 50;
    private static final String COLUMNS = "sequence, time_ns, actor, action, vehicle_id, detail, result, previous_hash, hash";

    private final Transactions tx;
    /** This node's appends queue here rather than race each other in the database: only nodes contend. */
    private final ReentrantLock appending = new ReentrantLock();

    JdbcAuditStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public AuditEntry appendNext(UnaryOperator<AuditEntry> next) {
        appending.lock();
        try {
            return tx.retryingDuplicates("append to the audit chain", APPEND_ATTEMPTS, c -> {
                lockAppends(c);
                AuditEntry tail = tail(c);
                AuditEntry e = AuditStore.requireFollows(tail, next.apply(tail));
                insert(c, e);
                return e;
            });
        } finally {
            appending.unlock();
        }
    }

    @Override
    public List<AuditEntry> page(long afterSequence, int limit) {
        AuditStore.requireLimit(limit);
        return tx.read("read the audit chain after " + afterSequence, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_entry WHERE sequence > ? ORDER BY sequence LIMIT ?")) {
                ps.setLong(1, afterSequence);
                ps.setInt(2, limit);
                return list(ps);
            }
        });
    }

    @Override
    public List<AuditEntry> loadAll() {
        return tx.read("load the audit chain", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry ORDER BY sequence")) {
                return list(ps);
            }
        });
    }

    /** The entry with the highest sequence, or null; LIMIT reads the same in H2 and PostgreSQL. */
    private static AuditEntry tail(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_entry ORDER BY sequence DESC LIMIT 1")) {
            List<AuditEntry> one = list(ps);
            return one.isEmpty() ? null : one.get(0);
        }
    }

    /**
     * Waits for the other nodes' appends to commit and holds theirs off until this one's does. Racing for
     * the key alone is correct, but unfair: a node that lost retries behind the winner's next append, and
     * lost 50 times running in 3 nodes x 4 threads (SharedAuditChainTest); the row lock queues them.
     */
    private static void lockAppends(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM audit_append_lock WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("table audit_append_lock has lost its row 1");
            }
        }
    }

    private static void insert(Connection c, AuditEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.sequence());
            ps.setLong(2, nanos(e.time(), "audit entry " + e.sequence() + " time"));
            ps.setString(3, e.actor());
            ps.setString(4, e.action());
            ps.setString(5, e.vehicleId());
            ps.setString(6, e.detail());
            ps.setString(7, e.result());
            ps.setString(8, e.previousHash());
            ps.setString(9, e.hash());
            ps.executeUpdate();
        }
    }

    private static List<AuditEntry> list(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong("sequence"), instant(rs.getLong("time_ns")), rs.getString("actor"),
                        rs.getString("action"), rs.getString("vehicle_id"), rs.getString("detail"),
                        rs.getString("result"), rs.getString("previous_hash"), rs.getString("hash")));
            }
        }
        return out;
    }
}
