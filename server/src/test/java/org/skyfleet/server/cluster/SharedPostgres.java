package org.skyfleet.server.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * One database for several nodes in a test: a fresh PostgreSQL schema on {@code SKYFLEET_TEST_PG_URL}
 * (default the local server, user postgres, trust auth). Unreachable: the test is skipped, except in CI
 * ({@code CI=true}), where it fails, as the store tests do.
 */
final class SharedPostgres implements AutoCloseable {
    private static final String ADMIN_URL = System.getenv().getOrDefault("SKYFLEET_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private final String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    SharedPostgres() {
        execute("CREATE SCHEMA " + schema);
    }

    /** What each node opens its store on: every node sees the same tables. */
    String url() {
        return ADMIN_URL + (ADMIN_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        Connection c;
        try {
            DriverManager.setLoginTimeout(5);
            c = DriverManager.getConnection(ADMIN_URL);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true: PostgreSQL is required, so this is a failure, not a skip)");
            }
            Assumptions.abort(why + "; skipping the shared-database test");
            return;
        }
        try (c; Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
