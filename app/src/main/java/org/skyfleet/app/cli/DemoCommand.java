package org.skyfleet.app.cli;

import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import org.skyfleet.fleet.control.Operator.Role;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.incident.WebhookSignature;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;
import org.skyfleet.simulator.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code skyfleet demo}: the control plane plus a simulated fleet flying around a home point. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the control plane on embedded defaults with a simulated fleet (6 drones, 2 robots).")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options;

    @Option(names = "--home", defaultValue = "29.8717,121.5547",
            description = "home point lat,lon in degrees (default: ${DEFAULT-VALUE}, Dongbu Xincheng, Ningbo)")
    String home;

    @Option(names = "--drones", defaultValue = "6", description = "simulated PX4 multicopters (default: ${DEFAULT-VALUE})")
    int drones;

    @Option(names = "--robots", defaultValue = "2", description = "simulated ArduPilot ground robots (default: ${DEFAULT-VALUE})")
    int robots;

    @Option(names = "--seed", defaultValue = "42", description = "simulation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--duration-s", defaultValue = "0", description = "stop after this many seconds; 0 runs until interrupted")
    long durationS;

    @Option(names = "--scenario", description = "run this scenario file (see scenarios/) instead of the default fleet")
    java.nio.file.Path scenario;

    @Option(names = "--time-scale", description = "simulated seconds per second for a scenario (default: the scenario's)")
    Double timeScale;

    @Option(names = "--maps", defaultValue = "scenarios/maps", paramLabel = "DIR",
            description = "map features (GeoJSON) rendered into tile packages at first start (default: ${DEFAULT-VALUE})")
    java.nio.file.Path maps;

    @Option(names = "--gates", defaultValue = "scenarios/gates", paramLabel = "DIR",
            description = "city and small gates (GeoJSON zones) loaded at start, when the directory exists (default: ${DEFAULT-VALUE})")
    java.nio.file.Path gates;

    @Option(names = "--call", description = "with a scenario that has a person: post the missing-person call to the webhook "
            + "once the fleet and the officers are up, and print the incident's timeline as it happens")
    boolean call;

    @Override
    public Integer call() throws Exception {
        String[] latLon = home.split(",");
        if (latLon.length != 2) {
            System.err.println("--home must be lat,lon in degrees, e.g. 29.8717,121.5547");
            return 2;
        }
        double lat = Double.parseDouble(latLon[0].trim());
        double lon = Double.parseDouble(latLon[1].trim());
        Scenario loaded = scenario == null ? null : Scenario.load(scenario);
        if (loaded != null && timeScale != null) {
            loaded = MissingPersonDemo.forTimeScale(loaded, timeScale);
        }
        boolean ground = loaded != null && !loaded.targets().isEmpty() && !loaded.units().isEmpty();
        String secret = MissingPersonDemo.newSecret();
        // The demo requires tokens like serve: one is printed per role, and the simulated officers' phones and
        // edge computers each carry their own (DemoTokens).
        org.skyfleet.server.auth.TokenAuthority tokenAuthority = new org.skyfleet.server.auth.TokenAuthority(
                java.util.HexFormat.of().parseHex(MissingPersonDemo.newSecret() + MissingPersonDemo.newSecret()), InstantSource.system());
        DemoTokens tokens = new DemoTokens(tokenAuthority);
        // Required tokens mean signed links: each simulated vehicle signs with a key made for this run, given to both sides.
        java.util.Map<Integer, byte[]> vehicleKeys = loaded != null ? DemoSigningKeys.forScenario(loaded)
                : DemoSigningKeys.generate(drones + robots);
        org.skyfleet.app.ServerConfig config = options.toConfig().withTokens(tokenAuthority, true);
        // The demo is the Ningbo command centre's: its zone, its maps, the map opening on its home.
        for (String made : org.skyfleet.app.tiles.FeatureMaps.ensure(maps, options.tilesDirectory())) {
            System.out.println("  map      rendered " + made);
        }
        double homeLat = loaded != null ? loaded.home().latDeg() : lat;
        double homeLon = loaded != null ? loaded.home().lonDeg() : lon;
        config = config.withConsoleSite(config.consoleSite()
                .withTimeZone(options.timeZone != null ? options.timeZone : java.time.ZoneId.of("Asia/Shanghai"))
                .withHome(new org.skyfleet.fleet.geo.LatLon(homeLat, homeLon)));
        // every simulated vehicle speaks from 127.0.0.1: give that one source room for the whole fleet at its time scale
        double timeScaleNow = loaded != null ? loaded.timeScale() : 1;
        config = config.withMavlinkSourceRate(Math.max(options.mavlinkSourceRate, 50 * vehicleKeys.size() * timeScaleNow));
        if (options.signingKeys == null) {
            config = config.withSigningKeys(org.skyfleet.telemetry.link.SigningKeys.of(vehicleKeys));
        }
        // patrol cars are sent over the maps' roads, as serve --roads does
        java.util.List<java.util.List<org.skyfleet.planner.geo.GeoPoint>> roads = org.skyfleet.app.roads.GeoJsonRoads.readAll(maps);
        System.out.println(roads.isEmpty() ? "  dispatch straight-line distance (no roads in " + maps + ")"
                : "  dispatch road-network ETAs over " + roads.size() + " road lines from " + maps);
        SkyfleetServer server = SkyfleetServer.start(config,
                AutomationConfig.defaults().withWebhookSecret(secret).withRoads(roads),
                options.openStore(null), InstantSource.system());
        ServeCommand.printEndpoints(server);
        for (String file : DemoGates.load(gates, server.geofences())) {
            System.out.println("  gates    " + file);
        }
        System.out.printf("  webhook  http://127.0.0.1:%d%s  (secret %s; sign each delivery: %s, see docs/security.md)%n",
                server.httpPort(), IncidentWebhook.PATH, secret, WebhookSignature.HEADER);
        System.out.println("  tokens for this run (gRPC metadata  authorization: Bearer <token>; the CLI reads SKYFLEET_TOKEN):");
        for (Role role : new Role[] {Role.PILOT, Role.COMMANDER, Role.DISPATCHER, Role.OFFICER, Role.ADMIN}) {
            System.out.printf("    %-10s %s%n", role.name().toLowerCase(java.util.Locale.ROOT), tokens.forRole(role));
        }
        // The token rides in the fragment: the browser keeps it, it is never sent in a request line or logged.
        System.out.printf("  console signed in as commander:  http://127.0.0.1:%d/console/#token=%s%n", server.httpPort(),
                tokens.forRole(Role.COMMANDER));
        System.out.printf("  signing  the %d simulated vehicles sign their MAVLink links with keys made for this run%n",
                vehicleKeys.size());
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort());
        if (loaded != null) {
            loaded = loaded.withSigningKeys(vehicleKeys);
        }
        Simulation sim;
        MissingPersonDemo people = null;
        if (loaded != null) {
            if (ground) {
                people = MissingPersonDemo.start(server, loaded, tokens);
                sim = Simulation.start(loaded, target, people.reporter());
                people.startUnits(sim);
            } else {
                sim = Simulation.start(loaded, target);
            }
            System.out.printf("Running scenario '%s' (%d vehicles, %d officers, x%.0f time) -> %s%n", loaded.name(),
                    sim.vehicles().size(), loaded.units().size(), loaded.timeScale(), target);
            if (ground && call) {
                Thread.sleep(Math.max(3000, (long) (3000 / Math.max(1, loaded.timeScale()) * 10)));
                MissingPersonDemo.postCall(server, loaded, secret, InstantSource.system());
            }
        } else {
            sim = Simulation.start(SimulationConfig.around(target, lat, lon, drones, robots, seed).withSigningKeys(vehicleKeys));
            System.out.printf("Simulating %d drones and %d robots around %.5f,%.5f -> %s%n", drones, robots, lat, lon, target);
        }
        org.skyfleet.app.video.DemoVideo video = org.skyfleet.app.video.DemoVideo.start(sim, server.video(),
                server.links().get(0).config().linkName(), server.httpPort(), tokens.forRole(Role.COMMANDER));
        System.out.printf("Try:  export SKYFLEET_TOKEN=%s%n      ./skyfleet vehicles --target 127.0.0.1:%d%n"
                + "      ./skyfleet watch --target 127.0.0.1:%d%n", tokens.forRole(Role.COMMANDER), server.grpcPort(), server.grpcPort());
        if (durationS > 0) {
            Thread.sleep(durationS * 1000);
            VehiclesCommand.printTable(server.registry().all());
            if (people != null) {
                people.close();
            }
            if (video != null) {
                video.close();
            }
            sim.close();
            server.close();
            return 0;
        }
        if (people != null) {
            ServeCommand.awaitShutdown(people, video, sim, server);
            return 0;
        }
        ServeCommand.awaitShutdown(video, sim, server);
        return 0;
    }
}
