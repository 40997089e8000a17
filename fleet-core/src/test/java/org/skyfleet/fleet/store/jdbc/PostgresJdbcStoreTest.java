package org.skyfleet.fleet.store.jdbc;

import org.junit.jupiter.api.AfterEach;

/** The contract on PostgreSQL, in a schema of its own per test, dropped afterwards. */
class PostgresJdbcStoreTest extends JdbcStoreContractTest {
    private String schema;

    @Override
    protected String url() {
        if (schema == null) {
            schema = PostgresSchemas.create();
        }
        return PostgresSchemas.url(schema);
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            if (store != null) {
                store.close();
                store = null;
            }
            PostgresSchemas.drop(schema);
        }
    }
}
