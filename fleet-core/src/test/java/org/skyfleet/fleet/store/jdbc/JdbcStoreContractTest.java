package org.skyfleet.fleet.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditEntry;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.store.StoreException;
import org.skyfleet.fleet.store.StoreContractTest;
import org.skyfleet.fleet.store.StoreFixtures;

/** The store contract plus what only a database has: migrations, rows changed behind the store's back. */
abstract class JdbcStoreContractTest extends StoreContractTest {
    /** This test's database URL, the same on every call within one test. */
    protected abstract String url();

    @Override
    protected Store openStore() {
        return JdbcStore.open(url());
    }

    /** V1 incidents, audit, sightings, assignments, leases, positions; V2 zones, missions, tracks, vehicles; V3 commands;
     * V4 the audit append lock; V5 token revocations; V6 aircraft records; V7 timeline message codes and parameters;
     * V8 evidence segments; V10 robot taskings; and so on: every file under db/migration. */
    private static final int MIGRATIONS = migrationFiles();

    /** How many Flyway migrations the store ships: the {@code V<n>__*.sql} files on its class path. */
    static int migrationFiles() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(JdbcStore.class.getResource("/db/migration").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations", e);
        }
    }

    @Test
    void theMigrationRunsOnceAndASecondOpenIsANoOp() throws SQLException {
        store.close();
        try (JdbcStore again = JdbcStore.open(url())) {
            assertThat(again.migrationsApplied()).isZero();
        }
        store = openStore();
        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND type = 'SQL'")).isEqualTo(MIGRATIONS);
    }

    @Test
    void aNewDatabaseIsMigratedOnOpen() {
        // openFirst() opened this test's fresh database: everything was applied then
        assertThat(((JdbcStore) store).migrationsApplied()).isEqualTo(MIGRATIONS);
    }

    @Test
    void anAuditRowChangedInTheDatabaseIsFoundAfterAReload() throws SQLException {
        Instant[] now = {StoreFixtures.T0};
        AuditJournal journal = new AuditJournal(() -> now[0], store.audit());
        for (int n = 1; n <= 5; n++) {
            now[0] = now[0].plusMillis(250);
            journal.append("cmd-1 (commander)", "lease take-over", "drone-1", "n=" + n, "ACCEPTED");
        }
        try (Connection c = DriverManager.getConnection(url());
             PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET detail = ? WHERE sequence = 3")) {
            ps.setString(1, "n=3, nothing to see");
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        List<AuditEntry> loaded = restart().audit().loadAll();

        assertThat(AuditJournal.firstBroken(loaded)).hasValueSatisfying(e -> {
            assertThat(e.sequence()).isEqualTo(3);
            assertThat(e.detail()).isEqualTo("n=3, nothing to see");
        });
    }

    @Test
    void aDeletedAuditRowIsFoundAfterAReload() throws SQLException {
        AuditJournal journal = new AuditJournal(() -> StoreFixtures.T0, store.audit());
        for (int n = 1; n <= 4; n++) {
            journal.append("system", "mission approved", "", "m-" + n, "OK");
        }
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit_entry WHERE sequence = 2");
        }
        assertThat(AuditJournal.firstBroken(restart().audit().loadAll())).hasValueSatisfying(
                e -> assertThat(e.sequence()).isEqualTo(3));
        assertThat(new AuditJournal(() -> StoreFixtures.T0, store.audit()).firstBroken()).hasValueSatisfying(
                e -> assertThat(e.sequence()).isEqualTo(3));
    }

    @Test
    void anAppendThatLosesEveryRaceGivesUpAfterItsAttempts() {
        AuditEntry first = store.audit().appendNext(tail -> StoreFixtures.auditAfter(tail, "first"));
        int[] runs = {0};

        // each run, another writer stores the next sequence between this one's tail read and its insert
        assertThatThrownBy(() -> store.audit().appendNext(tail -> {
            runs[0]++;
            AuditEntry mine = StoreFixtures.auditAfter(tail, "mine");
            insertBehindTheStoresBack(StoreFixtures.auditAfter(tail, "theirs"));
            return mine;
        })).isInstanceOf(StoreException.class).hasMessageContaining("in " + JdbcAuditStore.APPEND_ATTEMPTS + " attempts");

        assertThat(runs[0]).isEqualTo(JdbcAuditStore.APPEND_ATTEMPTS);
        List<AuditEntry> stored = store.audit().loadAll();
        assertThat(stored).hasSize(1 + JdbcAuditStore.APPEND_ATTEMPTS).startsWith(first);
        assertThat(stored).extracting(AuditEntry::detail).containsOnly("first", "theirs");
    }

    @Test
    void anAppendThatLosesARaceIsRunAgainOnTheNewTail() {
        AuditEntry first = store.audit().appendNext(tail -> StoreFixtures.auditAfter(tail, "first"));
        List<AuditEntry> tails = new java.util.ArrayList<>();

        AuditEntry mine = store.audit().appendNext(tail -> {
            tails.add(tail);
            if (tails.size() == 1) {
                insertBehindTheStoresBack(StoreFixtures.auditAfter(tail, "theirs"));
            }
            return StoreFixtures.auditAfter(tail, "mine");
        });

        assertThat(tails).extracting(AuditEntry::sequence).containsExactly(1L, 2L);
        assertThat(mine.sequence()).isEqualTo(3);
        assertThat(store.audit().loadAll()).extracting(AuditEntry::detail).containsExactly("first", "theirs", "mine");
    }

    private void insertBehindTheStoresBack(AuditEntry e) {
        try (Connection c = DriverManager.getConnection(url());
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (sequence, time_ns, actor, action, "
                     + "vehicle_id, detail, result, previous_hash, hash) VALUES (?, 0, '', '', '', ?, '', ?, ?)")) {
            ps.setLong(1, e.sequence());
            ps.setString(2, e.detail());
            ps.setString(3, e.previousHash());
            ps.setString(4, e.hash());
            ps.executeUpdate();
        } catch (SQLException x) {
            throw new IllegalStateException(x);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
