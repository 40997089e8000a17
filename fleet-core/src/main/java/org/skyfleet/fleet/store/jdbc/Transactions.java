package org.skyfleet.fleet.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.skyfleet.fleet.store.StoreException;

/**
 * Runs units of work in transactions: commit before returning, roll back on any failure. The pool's
 * connections have auto-commit off, so nothing a unit does is visible until its commit.
 */
final class Transactions {
    /** SQLSTATE of a unique or primary key violation, in PostgreSQL and in H2. */
    static final String UNIQUE_VIOLATION = "23505";

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction and commits it. {@code what} names it in an error. */
    <T> T write(String what, Work<T> work) {
        return run(what, work, 1);
    }

    /**
     * As {@link #write}, but runs the work once more if it hit a unique violation: the "update, else
     * insert" of an upsert loses a race to a concurrent insert that way, and its second run updates.
     */
    <T> T upsert(String what, Work<T> work) {
        return run(what, work, 2);
    }

    /**
     * As {@link #write}, but runs the work again, in a fresh transaction, each time it hits a unique
     * violation, up to {@code attempts} runs: an append that lost its key to a concurrent writer reads the
     * new state and tries the next key.
     */
    <T> T retryingDuplicates(String what, int attempts, Work<T> work) {
        return run(what, work, attempts);
    }

    /** Runs {@code work} in a transaction that is rolled back: reads only. */
    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            try {
                return work.run(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    private <T> T run(String what, Work<T> work, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                boolean duplicate = UNIQUE_VIOLATION.equals(e.getSQLState());
                if (duplicate && attempt < attempts) {
                    continue;
                }
                throw new StoreException("could not " + what + (duplicate && attempts > 1 ? " in " + attempts
                        + " attempts" : "") + ": " + e.getMessage(), e);
            }
        }
    }

    /** Epoch nanoseconds, exact for 1677..2262. */
    static long nanos(Instant t, String field) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(field + " " + t + " cannot be stored: times must lie in 1677..2262", e);
        }
    }

    static Long nanosOrNull(Instant t, String field) {
        return t == null ? null : nanos(t, field);
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : instant(v);
    }

    static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
