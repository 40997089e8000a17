package org.skyfleet.fleet.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on embedded H2, a file in a fresh directory per test, opened as the server opens it. */
class H2JdbcStoreTest extends JdbcStoreContractTest {
    @TempDir
    Path dataDir;

    @Override
    protected String url() {
        return JdbcStore.embeddedUrl(dataDir);
    }
}
