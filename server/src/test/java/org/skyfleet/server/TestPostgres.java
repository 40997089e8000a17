package org.skyfleet.server;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL schema for a test whose server nodes share one database, on the server at
 * {@code SKYFLEET_TEST_PG_URL} (default the local one, user postgres, trust auth). Unreachable: the test is
 * skipped, except in CI ({@code CI=true}), where it fails.
 */
public final class TestPostgres implements AutoCloseable {
    static final String ADMIN_URL = System.getenv().getOrDefault("SKYFLEET_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private final String schema;

    private TestPostgres(String schema) {
        this.schema = schema;
    }

    /** Creates schema {@code t_<16 random hex digits>}; close drops it. */
    public static TestPostgres freshSchema() {
        String schema = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE SCHEMA " + schema);
        return new TestPostgres(schema);
    }

    /** The store URL every node of the test is given: its tables live in this schema. */
    public String url() {
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
            String why = "PostgreSQL is not reachable at " + ADMIN_URL.replaceAll("password=[^&]*", "password=***") + ": "
                    + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(why + " (CI=true: PostgreSQL is required, so this is a failure, not a skip)");
            }
            Assumptions.abort(why + "; skipping");
            return;
        }
        try (c; Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
