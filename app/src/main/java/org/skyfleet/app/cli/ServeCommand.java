package org.skyfleet.app.cli;

import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.incident.WebhookSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skyfleet serve}: the control plane until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the control plane: MAVLink UDP in, gRPC out.")
final class ServeCommand implements Callable<Integer> {
    /** Where the keys and secrets are read from: the process environment (a test gives its own). */
    java.util.function.UnaryOperator<String> environment = System::getenv;

    @Mixin
    ServerOptions options;

    @Mixin
    ClusterOptions clusterOptions;

    @Mixin
    SeaGateOptions seaGateOptions;

    @Mixin
    EvidenceOptions evidenceOptions;

    @Mixin
    HistoryOptions historyOptions;

    @Option(names = "--response-policy", paramLabel = "FILE",
            description = "Which calls launch a drone by themselves, wait for approval or never fly, and how drones fly to a"
                    + " scene (name = value lines; see docs/first-response.md). Given, it replaces the policy the store keeps"
                    + " (journaled); not given, the kept one stays in force (the built-in one on a new store).")
    java.nio.file.Path responsePolicy;

    @picocli.CommandLine.Option(names = "--roads", paramLabel = "FILE", description = "GeoJSON road lines (LineString features, "
            + "kind road or none): patrol cars are dispatched by their time over these roads; without it, by straight-line distance")
    java.nio.file.Path roads;

    @Override
    public Integer call() throws Exception {
        SkyfleetServer server = start();
        if (server == null) {
            return 2;
        }
        awaitShutdown(server);
        return 0;
    }

    /**
     * Starts the control plane as configured and prints its endpoints, without waiting for a shutdown (a test drives
     * the same configuration path in-process).
     *
     * @return the server, or null when the options are refused (said on stderr)
     */
    SkyfleetServer start() throws Exception {
        // The call-taking webhook's secret comes from the environment, never from the command line (ps shows it).
        String secret = environment.apply("SKYFLEET_WEBHOOK_SECRET");
        if (secret != null && secret.length() < 16) {
            System.err.println("SKYFLEET_WEBHOOK_SECRET must be at least 16 characters");
            return null;
        }
        if (clusterOptions.bus != null && options.storeUrl == null) {
            // the records move to whichever node leads them, and read what the others wrote: one database for all
            System.err.println("--bus needs --store-url: the nodes sharing a fleet share one PostgreSQL database, "
                    + "e.g. --store-url 'jdbc:postgresql://db.example:5432/skyfleet?user=skyfleet'");
            return null;
        }
        String tokenKey = environment.apply("SKYFLEET_TOKEN_KEY");
        if (tokenKey == null && options.unauthenticatedExposure() != null) {
            System.err.println(options.unauthenticatedExposure());
            return null;
        }
        org.skyfleet.fleet.response.ResponsePolicy policy = null; // none given: the one the store keeps, else the built-in one
        if (responsePolicy != null) {
            try {
                policy = org.skyfleet.fleet.response.ResponsePolicyFile.parse(java.nio.file.Files.readString(responsePolicy));
            } catch (java.io.IOException | IllegalArgumentException e) {
                System.err.println("--response-policy " + responsePolicy + ": " + e.getMessage());
                return null;
            }
        }
        java.time.Duration historyRetention;
        try {
            historyRetention = historyOptions.retention();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return null;
        }
        org.skyfleet.app.ServerConfig config = options.toConfig(false);
        if (tokenKey != null) {
            config = config.withTokens(org.skyfleet.server.auth.TokenAuthority.fromHex(tokenKey, InstantSource.system())
                    .withMaxTtl(options.tokenMaxTtl()), true);
        } else {
            System.err.println("warning: SKYFLEET_TOKEN_KEY is not set: callers name themselves in metadata, unauthenticated; "
                    + "set it (openssl rand -hex 32) to require bearer tokens on every call");
        }
        var automation = org.skyfleet.server.automation.AutomationConfig.defaults().withWebhookSecret(secret);
        if (roads != null) {
            try {
                automation = automation.withRoads(org.skyfleet.app.roads.GeoJsonRoads.read(roads));
            } catch (java.io.IOException | IllegalArgumentException e) {
                System.err.println("--roads " + roads + ": " + e.getMessage());
                return null;
            }
        }
        SkyfleetServer server = SkyfleetServer.start(config, automation,
                options.openStore(java.nio.file.Path.of("skyfleet-data")), InstantSource.system(),
                org.skyfleet.app.NodeParts.defaults().withCluster(clusterOptions.toConfig()).withSeaGate(seaGateOptions.toConfig())
                        .withEvidence(evidenceOptions.toConfig(options.dataDir)).withResponse(policy)
                        .withHistoryRetention(historyRetention));
        String http = config.tls() != null ? "https" : "http"; // the TLS stores serve the HTTP port too
        printEndpoints(server, http);
        server.cluster().ifPresent(c -> System.out.println("  cluster  node " + c.nodeId() + " on " + clusterOptions.bus));
        System.out.println(roads == null ? "  dispatch straight-line distance (give --roads FILE for road-network ETAs)"
                : "  dispatch road-network ETAs over " + automation.roads().size() + " road lines from " + roads);
        System.out.println("  history  positions kept " + historyRetention.toDays() + " days for replay");
        System.out.println("  vehicles " + config.admission() + (config.admission().any() ? ""
                : " (register more with --register 1,2,3, or --admit any for a lab)"));
        System.out.println(secret == null ? "  webhook  off (set SKYFLEET_WEBHOOK_SECRET to enable POST " + IncidentWebhook.PATH + ")"
                : "  webhook  " + http + "://127.0.0.1:" + server.httpPort() + IncidentWebhook.PATH + " (signed: "
                + WebhookSignature.HEADER + (config.lab() ? "; lab mode: a bearer secret is also taken)" : ")"));
        if (config.lab()) {
            System.err.println("warning: --lab relaxes checks for a lab bench; never use it for operations");
        }
        return server;
    }

    static void printEndpoints(SkyfleetServer server) {
        printEndpoints(server, "http");
    }

    /** @param http the HTTP port's scheme: https with TLS stores */
    static void printEndpoints(SkyfleetServer server, String http) {
        System.out.printf("SkyFleet serving%n  gRPC     %s:%d (reflection and grpc.health.v1 on)%n",
                "127.0.0.1", server.grpcPort());
        server.links().forEach(l -> System.out.printf("  MAVLink  udp %s:%d (link %s)%n", l.config().bindHost(),
                l.localAddress().getPort(), l.config().linkName()));
        if (server.seaGate().aisUdpAddress() != null) {
            System.out.printf("  AIS      udp %s (NMEA AIVDM)%n", server.seaGate().aisUdpAddress());
        }
        System.out.printf("  metrics  %s://127.0.0.1:%d/metrics%n", http, server.httpPort());
        System.out.printf("  console  %s://127.0.0.1:%d/console/  (sign in with a bearer token)%n", http, server.httpPort());
    }

    static void awaitShutdown(AutoCloseable... resources) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // stopping anyway
                }
            }
            stopped.countDown();
        }, "skyfleet-shutdown"));
        stopped.await();
    }
}
