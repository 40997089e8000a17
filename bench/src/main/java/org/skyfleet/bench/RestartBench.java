package org.skyfleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.incident.IncidentGrpcService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How long a restart takes with a fleet streaming: the server on its embedded store with V vehicles
 * sending telemetry and N open incidents is stopped and started again on the same ports and data; the
 * bench reports the time until it serves again (store opened, migrations checked, incidents loaded) and
 * until every vehicle is back on the map. Appends to bench/results/restart.txt.
 */
@Command(name = "restart", mixinStandardHelpOptions = true, description = "Measure a restart with a streaming fleet.")
public final class RestartBench implements Callable<Integer> {
    /** The load generator is one host speaking for the whole fleet: the bench measures ingest, not one source's budget. */
    private static final double ONE_HOST_FLEET = 1e7;
    private static final String HOST = "127.0.0.1";

    @Option(names = "--vehicles", defaultValue = "1000", description = "simulated vehicles at 10 Hz (default: ${DEFAULT-VALUE})")
    int vehicles;

    @Option(names = "--incidents", defaultValue = "1000", description = "open incidents in the store (default: ${DEFAULT-VALUE})")
    int incidents;

    @Option(names = "--results", defaultValue = "bench/results/restart.txt", description = "results file (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        Path data = Files.createTempDirectory("skyfleet-restart-bench");
        int links = (vehicles + 253) / 254;
        int firstPort = FreePorts.udpRange(HOST, links);
        ServerConfig config = ServerConfig.ephemeral().withMavlink(HOST, firstPort, links)
                        .withMavlinkSourceRate(ONE_HOST_FLEET);
        try (PositionLoadGenerator fleet = new PositionLoadGenerator(HOST, firstPort, vehicles, 10)) {
            try (SkyfleetServer first = SkyfleetServer.start(config, AutomationConfig.defaults(), JdbcStore.openEmbedded(data),
                    InstantSource.system())) {
                fleet.announce();
                fleet.start();
                awaitVehicles(first, vehicles);
                for (int i = 0; i < incidents; i++) {
                    IncidentGrpcService.create(first.incidents(), first.audit(), CreateIncidentRequest.newBuilder()
                            .setExternalId("BENCH-" + i).setType(IncidentType.INCIDENT_TYPE_OTHER)
                            .setPriority(IncidentPriority.INCIDENT_PRIORITY_P3)
                            .setLocation(GeoPoint.newBuilder().setLatDeg(51.5).setLonDeg(-0.12)).build(), "bench", InstantSource.system());
                }
            }
            long t0 = System.nanoTime();
            try (SkyfleetServer second = SkyfleetServer.start(config, AutomationConfig.defaults(), JdbcStore.openEmbedded(data),
                    InstantSource.system())) {
                long serving = System.nanoTime() - t0;
                int loaded = second.incidents().list(false).size();
                awaitVehicles(second, vehicles);
                long back = System.nanoTime() - t0;
                String line = String.format(Locale.ROOT, "%s vehicles=%d open_incidents=%d serving_ms=%.0f all_vehicles_back_ms=%.0f "
                        + "incidents_reloaded=%d cores=%d%n", Instant.now(), vehicles, incidents, serving / 1e6, back / 1e6, loaded,
                        Runtime.getRuntime().availableProcessors());
                System.out.print(line);
                Files.createDirectories(results.toAbsolutePath().getParent());
                Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        return 0;
    }

    private static void awaitVehicles(SkyfleetServer server, int vehicles) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (server.registry().size() < vehicles) {
            if (System.nanoTime() > deadline) {
                throw new IOException("only " + server.registry().size() + " of " + vehicles + " vehicles came back");
            }
            LockSupport.parkNanos(10_000_000);
        }
    }
}
