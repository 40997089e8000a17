package org.skyfleet.fleet.store.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh PostgreSQL schemas for tests, on the server at {@code SKYFLEET_TEST_PG_URL} (default the local
 * one, user postgres, trust auth). Unreachable: a test is skipped, except in CI ({@code CI=true}),
 * where it fails, so a CI without PostgreSQL cannot pass by skipping.
 */
final class PostgresSchemas {
    static final String ADMIN_URL = System.getenv().getOrDefault("SKYFLEET_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private PostgresSchemas() {
    }

    /** Creates schema {@code t_<16 random hex digits>} and returns its name. */
    static String create() {
        String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** A store URL whose tables live in {@code schema}. */
    static String url(String schema) {
        return ADMIN_URL + (ADMIN_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void drop(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        Connection c;
        try {
            DriverManager.setLoginTimeout(5);
            c = DriverManager.getConnection(ADMIN_URL);
        } catch (SQLException e) {
            String why = "PostgreSQL is not reachable at " + JdbcStore.redact(ADMIN_URL) + ": " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true: PostgreSQL is required, so this is a failure, not a skip)");
            }
            Assumptions.abort(why + "; skipping the PostgreSQL store tests");
            return;
        }
        try (c; Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
