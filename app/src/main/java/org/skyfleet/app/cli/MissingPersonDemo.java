package org.skyfleet.app.cli;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.incident.WebhookSignature;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.GrpcSightingReporter;
import org.skyfleet.simulator.controlplane.VehicleIds;
import org.skyfleet.simulator.ground.GroundUnits;
import org.skyfleet.simulator.ground.OfficerApp;
import org.skyfleet.simulator.scenario.FailsafeSpec;
import org.skyfleet.simulator.scenario.Scenario;
import org.skyfleet.simulator.scenario.TargetSpec;

/**
 * The demo's ground side for a scenario with people and units: the drones' edge computers report
 * sightings, the officers' phone apps report positions and take assignments, and (with {@code --call})
 * a call-taking system posts the missing-person call to the webhook; every timeline entry is printed.
 */
final class MissingPersonDemo implements AutoCloseable {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ManagedChannel channel;
    private final GrpcSightingReporter reporter;
    private final DemoTokens tokens;
    private GroundUnits units;
    private AutoCloseable timeline;

    private MissingPersonDemo(ManagedChannel channel, GrpcSightingReporter reporter, DemoTokens tokens) {
        this.channel = channel;
        this.reporter = reporter;
        this.tokens = tokens;
    }

    /** A fresh webhook secret per demo run: printed, never stored. */
    static String newSecret() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * At N times real time the server's 1 Hz GCS heartbeat reaches the drones every N simulated seconds:
     * their lost-link failsafe is widened to 10 heartbeats so they do not turn for home on a healthy link.
     */
    static Scenario forTimeScale(Scenario s, double timeScale) {
        Scenario scaled = s.withTimeScale(timeScale);
        FailsafeSpec f = s.failsafe();
        double lostLinkS = Math.max(f.lostLinkTimeoutS() == null ? 0 : f.lostLinkTimeoutS(), 10 * timeScale);
        return scaled.withFailsafe(new FailsafeSpec(f.batteryReturnPercent(), f.batteryLandPercent(), lostLinkS, f.fenceAction()));
    }

    /** The simulated edge computers and officers' phones call as themselves, each with its own token. */
    static MissingPersonDemo start(SkyfleetServer server, Scenario scenario, DemoTokens tokens) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        GrpcSightingReporter reporter = new GrpcSightingReporter(channel,
                VehicleIds.mavlink(scenario, server.links().get(0).config().linkName()),
                GrpcSightingReporter.Options.defaults().withTokens(tokens::vehicleEdge));
        MissingPersonDemo demo = new MissingPersonDemo(channel, reporter, tokens);
        demo.timeline = server.incidents().subscribe(c -> {
            TimelineEntry e = c.latest();
            if (e != null && e.kind() != org.skyfleet.fleet.incident.TimelineKind.SIGHTING) {
                System.out.printf("%s  %-7s %-24s %s%n", CLOCK.format(e.time()), c.incident().incidentId(),
                        e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), e.text());
            }
        });
        return demo;
    }

    GrpcSightingReporter reporter() {
        return reporter;
    }

    /** The officers' apps start once the simulation runs. */
    void startUnits(Simulation sim) {
        units = GroundUnits.start(sim, channel, OfficerApp.Options.defaults().withTokens(tokens::officer));
    }

    /** Posts the call for the scenario's first person, last seen where the simulation starts them, signed with {@code secret}. */
    static void postCall(SkyfleetServer server, Scenario scenario, String secret, InstantSource clock) throws Exception {
        TargetSpec subject = scenario.targets().get(0);
        String body = String.format(Locale.ROOT, """
                {"externalId": "DEMO-%s", "type": "INCIDENT_TYPE_MISSING_PERSON", "priority": "INCIDENT_PRIORITY_P1",
                 "location": {"latDeg": %.7f, "lonDeg": %.7f}, "subjectDescription": "%s",
                 "missingPerson": {"lastKnownPoint": {"latDeg": %.7f, "lonDeg": %.7f}, "category": "SUBJECT_CATEGORY_DEMENTIA"}}
                """, scenario.name(), subject.start().latDeg(), subject.start().lonDeg(),
                "the person of scenario " + scenario.name() + ", last seen where the simulation starts them",
                subject.start().latDeg(), subject.start().lonDeg());
        // signed as a call-taking system must sign it: the HMAC covers the exact bytes sent, at the time sent
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignature.header(secret, clock.instant().getEpochSecond(), bytes);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.httpPort() + IncidentWebhook.PATH))
                .header(WebhookSignature.HEADER, signature).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("Call posted to the webhook: HTTP %d%n", r.statusCode());
    }

    @Override
    public void close() throws Exception {
        if (timeline != null) {
            timeline.close();
        }
        if (units != null) {
            units.close();
        }
        reporter.close();
        channel.shutdownNow();
    }
}
