package org.skyfleet.fleet.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.skyfleet.fleet.geofence.ZoneStore;
import org.skyfleet.fleet.store.AssignmentStore;
import org.skyfleet.fleet.audit.AuditStore;
import org.skyfleet.fleet.store.CommandStore;
import org.skyfleet.fleet.incident.IncidentStore;
import org.skyfleet.fleet.control.LeaseStore;
import org.skyfleet.fleet.mission.MissionStore;
import org.skyfleet.fleet.store.PositionHistoryStore;
import org.skyfleet.fleet.store.SightingStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.store.StoreException;
import org.skyfleet.fleet.store.TrackStore;
import org.skyfleet.fleet.store.VehicleStore;

/**
 * The store over JDBC: H2 or PostgreSQL by URL, schema migrated by Flyway when opened, a small pool of
 * connections with auto-commit off. Each write commits before it returns.
 *
 * <p>Durability: on PostgreSQL a commit returns once its WAL is flushed (with the server's default
 * {@code synchronous_commit = on}). Embedded H2 is opened with {@code WRITE_DELAY=0}, so each commit is
 * written to the file before it returns and survives the process being killed; H2 does not fsync each
 * commit, so an operating-system crash or power loss may still lose the last commits. Use PostgreSQL
 * where that matters.
 */
public final class JdbcStore implements Store {
    /** Flyway reports every step at INFO through java.util.logging; only its warnings matter to an operator. */
    private static final java.util.logging.Logger FLYWAY_LOG = quiet("org.flywaydb");
    /** HikariCP announces every pool start and stop at INFO. */
    private static final java.util.logging.Logger HIKARI_LOG = quiet("com.zaxxer.hikari");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.WARNING);
        return l;
    }

    /** Connections in the pool unless told otherwise. */
    public static final int DEFAULT_POOL_SIZE = 8;

    private final HikariDataSource dataSource;
    private final int migrationsApplied;
    private final IncidentStore incidents;
    private final AuditStore audit;
    private final SightingStore sightings;
    private final AssignmentStore assignments;
    private final LeaseStore leases;
    private final PositionHistoryStore positions;
    private final ZoneStore zones;
    private final MissionStore missions;
    private final TrackStore tracks;
    private final VehicleStore vehicles;
    private final CommandStore commands;
    private final org.skyfleet.fleet.store.RevocationStore revocations;
    private final org.skyfleet.fleet.escort.RobotTaskingStore robotTaskings;
    private final org.skyfleet.fleet.response.ResponsePolicyStore responsePolicies;
    private final org.skyfleet.fleet.evidence.EvidenceStore evidence;
    private final org.skyfleet.fleet.airframe.AirframeStore airframes;
    private final org.skyfleet.fleet.battery.BatteryStore batteries;
    private final org.skyfleet.fleet.flightlog.FlightLogStore flights;
    private final org.skyfleet.fleet.gate.GateCrossingStore gateCrossings;

    private JdbcStore(HikariDataSource dataSource, int migrationsApplied) {
        this.dataSource = dataSource;
        this.migrationsApplied = migrationsApplied;
        Transactions tx = new Transactions(dataSource);
        this.incidents = new JdbcIncidentStore(tx);
        this.audit = new JdbcAuditStore(tx);
        this.sightings = new JdbcSightingStore(tx);
        this.assignments = new JdbcAssignmentStore(tx);
        this.leases = new JdbcLeaseStore(tx);
        this.positions = new JdbcPositionHistoryStore(tx);
        this.zones = new JdbcZoneStore(tx);
        this.missions = new JdbcMissionStore(tx);
        this.tracks = new JdbcTrackStore(tx);
        this.vehicles = new JdbcVehicleStore(tx);
        this.commands = new JdbcCommandStore(tx);
        this.revocations = new JdbcRevocationStore(tx);
        this.robotTaskings = new JdbcRobotTaskingStore(tx);
        this.responsePolicies = new JdbcResponsePolicyStore(tx);
        this.evidence = new JdbcEvidenceStore(tx);
        this.airframes = new JdbcAirframeStore(tx);
        this.batteries = new JdbcBatteryStore(tx);
        this.flights = new JdbcFlightLogStore(tx);
        this.gateCrossings = new JdbcGateCrossingStore(tx);
    }

    /**
     * The URL of the embedded store: file {@code skyfleet.mv.db} in {@code dataDir}, H2 in PostgreSQL
     * mode with lower-case names and nulls sorted last, as PostgreSQL does.
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("skyfleet")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    /** Opens {@link #embeddedUrl the embedded store} under {@code dataDir}, creating it if need be. */
    public static JdbcStore openEmbedded(Path dataDir) {
        return open(embeddedUrl(dataDir));
    }

    /** {@link #open(String, int)} with {@value #DEFAULT_POOL_SIZE} connections. */
    public static JdbcStore open(String jdbcUrl) {
        return open(jdbcUrl, DEFAULT_POOL_SIZE);
    }

    /**
     * Connects, migrates the schema to the latest version and returns the open store.
     *
     * @param jdbcUrl  {@code jdbc:h2:...} or {@code jdbc:postgresql://host:port/db?user=...}; a PostgreSQL
     *                 schema other than {@code public} is chosen with {@code currentSchema=}
     * @param poolSize connections, >= 1
     * @throws StoreException naming the URL (password hidden) and the cause, if the URL is of another
     *                        database, the database cannot be reached or the migration fails
     */
    public static JdbcStore open(String jdbcUrl, int poolSize) {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new StoreException("the store URL must start with jdbc:h2: or jdbc:postgresql:, got '"
                    + redact(jdbcUrl) + "'");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("store pool size must be >= 1, got " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName("skyfleet-store");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
        try {
            MigrateResult result = Flyway.configure(JdbcStore.class.getClassLoader()).dataSource(dataSource)
                    .locations("classpath:db/migration").failOnMissingLocations(true).load().migrate();
            return new JdbcStore(dataSource, result.migrationsExecuted);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the store schema at " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
    }

    /** How many migrations this open applied: all of them on a new database, 0 on one up to date. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public IncidentStore incidents() {
        return incidents;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public SightingStore sightings() {
        return sightings;
    }

    @Override
    public AssignmentStore assignments() {
        return assignments;
    }

    @Override
    public LeaseStore leases() {
        return leases;
    }

    @Override
    public ZoneStore zones() {
        return zones;
    }

    @Override
    public MissionStore missions() {
        return missions;
    }

    @Override
    public TrackStore tracks() {
        return tracks;
    }

    @Override
    public VehicleStore vehicles() {
        return vehicles;
    }

    @Override
    public CommandStore commands() {
        return commands;
    }

    @Override
    public org.skyfleet.fleet.airframe.AirframeStore airframes() {
        return airframes;
    }

    @Override
    public org.skyfleet.fleet.battery.BatteryStore batteries() {
        return batteries;
    }

    @Override
    public org.skyfleet.fleet.flightlog.FlightLogStore flights() {
        return flights;
    }

    @Override
    public org.skyfleet.fleet.escort.RobotTaskingStore robotTaskings() {
        return robotTaskings;
    }

    @Override
    public org.skyfleet.fleet.response.ResponsePolicyStore responsePolicies() {
        return responsePolicies;
    }

    @Override
    public org.skyfleet.fleet.evidence.EvidenceStore evidence() {
        return evidence;
    }

    @Override
    public org.skyfleet.fleet.gate.GateCrossingStore gateCrossings() {
        return gateCrossings;
    }

    @Override
    public org.skyfleet.fleet.store.RevocationStore revocations() {
        return revocations;
    }

    @Override
    public PositionHistoryStore positions() {
        return positions;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    public static String redact(String url) {
        return url == null ? "null" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
