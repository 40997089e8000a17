package org.skyfleet.bench;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.airframe.AirframeProfile;
import org.skyfleet.fleet.airframe.AirframeType;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GetTimeToSceneRequest;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ResponseServiceGrpc;
import org.skyfleet.proto.v1.TimeToScene;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.controlplane.VehicleIds;
import org.skyfleet.simulator.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Time to scene over the real wire: the server and the simulator (15 m/s thermal-camera quadrotors at four docks on
 * a 3 km square round Dongbu Xincheng, Ningbo) take seeded P1 calls (traffic, suspect, fire, disturbance) anywhere
 * in that square, a few seconds apart, and the bench reads each response's clock from {@code ResponseService}.
 *
 * <p>The simulator runs {@code --time-scale} times faster than real time; the server does not. So the server's
 * part (call to launch commanded) is its own figure in real seconds, and airborne and on scene are simulated
 * seconds from the call to when the bench, reading every clock at 20 Hz, first saw the stage (a loaded machine
 * that cannot keep the simulator's pace slows simulated time, not these figures; the polling adds up to
 * 0.05 s of real time, {@code 0.05 x scale} simulated).
 *
 * <p>Every drone's camera streams (as in the demo: H.264 from FFmpeg, half pushed over RTMP like a DJI dock, half
 * served over RTSP like a PX4 camera and found over MAVLink), and the bench plays the commander: once it sees a
 * response on scene it opens that drone's live feed (HTTP fragmented MP4, with a commander's token), as the console's
 * incident view does. The server stamps {@code first_video} when the first frame of the feed is handed to it; video
 * is not time-scaled, so the bench reports the real seconds from on scene to that frame (the viewer opening within
 * one 20 Hz poll, connecting, and waiting for the next keyframe), and the call-to-first-frame as the simulated
 * on-scene time plus those real seconds. {@code --no-video} leaves the cameras off. Appends to bench/results/dfr.txt.
 */
@Command(name = "dfr", mixinStandardHelpOptions = true, description = "Time from a call to a drone over the scene, per stage.")
public final class DfrBench implements Callable<Integer> {
    private static final GeoPoint CENTRE = new GeoPoint(29.872, 121.556);
    private static final double DOCK_OFFSET_M = 1500;
    private static final IncidentType[] TYPES = {IncidentType.INCIDENT_TYPE_TRAFFIC, IncidentType.INCIDENT_TYPE_SUSPECT,
            IncidentType.INCIDENT_TYPE_FIRE, IncidentType.INCIDENT_TYPE_DISTURBANCE};

    @Option(names = "--calls", defaultValue = "12", description = "calls, one drone each (default: ${DEFAULT-VALUE})")
    int calls;

    @Option(names = "--seed", defaultValue = "26", description = "where the calls are (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--time-scale", defaultValue = "10", description = "simulated seconds per real second, 1..30 (default: ${DEFAULT-VALUE})")
    double timeScale;

    @Option(names = "--gap-s", defaultValue = "2", description = "real seconds between calls (default: ${DEFAULT-VALUE})")
    double gapS;

    @Option(names = "--video", negatable = true, defaultValue = "true",
            description = "stream every drone's camera and open the feed once on scene, to time the first frame (default: ${DEFAULT-VALUE})")
    boolean video;

    @Option(names = "--results", defaultValue = "bench/results/dfr.txt", description = "file the figures are appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Override
    public Integer call() throws Exception {
        int perDock = (calls + 3) / 4;
        List<GeoPoint> docks = List.of(at(-DOCK_OFFSET_M, -DOCK_OFFSET_M), at(-DOCK_OFFSET_M, DOCK_OFFSET_M),
                at(DOCK_OFFSET_M, -DOCK_OFFSET_M), at(DOCK_OFFSET_M, DOCK_OFFSET_M));
        Scenario scenario = Scenario.parse(scenario(docks, perDock));
        Random random = new Random(seed);
        // a commander's token for the video (named callers stay trusted for the bench's gRPC calls)
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        org.skyfleet.server.auth.TokenAuthority tokens = new org.skyfleet.server.auth.TokenAuthority(key, InstantSource.system());
        watcherToken = tokens.issue("bench-commander", Operator.Role.COMMANDER, Duration.ofHours(4));
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral().withMavlinkSourceRate(100_000)
                        .withTokens(tokens, false).withAllowUnsigned(true), InstantSource.system());
             Simulation sim = Simulation.start(scenario, new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()))) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            org.skyfleet.app.video.DemoVideo cameras = null;
            try {
                int drones = 4 * perDock;
                await(Duration.ofSeconds(60), () -> server.registry().all().stream()
                        .filter(s -> s.position() != null && s.battery() != null && s.home() != null).count() == drones);
                if (video) {
                    cameras = org.skyfleet.app.video.DemoVideo.start(sim, server.video(), server.links().get(0).config().linkName(),
                            server.httpPort(), watcherToken);
                    if (cameras == null) {
                        throw new IOException("--video needs FFmpeg on the PATH (or run with --no-video)");
                    }
                    await(Duration.ofSeconds(180), () -> server.video().all().stream()
                            .filter(st -> st.state() == org.skyfleet.video.stream.StreamState.LIVE).count() == drones);
                    httpPort = server.httpPort();
                }
                Function<String, String> ids = VehicleIds.mavlink(scenario, server.links().get(0).config().linkName());
                Operator pilot = new Operator("bench", Operator.Role.PILOT);
                server.aircraft().airframes().create(new AirframeProfile("bench-quad", "DFR quadrotor", AirframeType.MULTICOPTER,
                        15, 15, 3, 1500, 12, "zoom and thermal camera", "PX4", 0, 0, 0, 0), pilot);
                for (String name : names(perDock)) {
                    server.aircraft().airframes().bind(ids.apply(name), "bench-quad", pilot);
                }
                var incidents = IncidentServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("bench-desk", "dispatcher")));
                var response = ResponseServiceGrpc.newBlockingStub(channel)
                        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("bench", "commander")));
                List<String> incidentIds = new ArrayList<>();
                List<Double> distances = new ArrayList<>();
                List<GeoPoint> scenes = new ArrayList<>();
                long[] calledSimMs = new long[calls];
                for (int i = 0; i < calls; i++) {
                    GeoPoint where = at((random.nextDouble() * 2 - 1) * DOCK_OFFSET_M, (random.nextDouble() * 2 - 1) * DOCK_OFFSET_M);
                    distances.add(docks.stream().mapToDouble(d -> GreatCircle.distanceM(d, where)).min().orElseThrow());
                    scenes.add(where);
                    calledSimMs[i] = sim.nowMs();
                    incidentIds.add(incidents.createIncident(CreateIncidentRequest.newBuilder().setType(TYPES[i % TYPES.length])
                            .setPriority(IncidentPriority.INCIDENT_PRIORITY_P1).setSubjectDescription("bench call " + i)
                            .setLocation(org.skyfleet.proto.v1.GeoPoint.newBuilder().setLatDeg(where.latDeg()).setLonDeg(where.lonDeg()))
                            .build()).getIncident().getIncidentId());
                    poll(response, incidentIds, calledSimMs, sim, (long) (gapS * 1e9));
                }
                // the farthest call is ~2.1 km: 140 simulated seconds; every response gets ten times that (and its video 30 s more)
                long videoDeadline = Long.MAX_VALUE;
                while (sim.nowMs() - calledSimMs[calls - 1] < 1_400_000 && System.nanoTime() < videoDeadline
                        && seen.values().stream().filter(x -> x[1] >= 0 && (!video || x[2] >= 0)).count() < calls) {
                    poll(response, incidentIds, calledSimMs, sim, 50_000_000);
                    if (videoDeadline == Long.MAX_VALUE && seen.values().stream().filter(x -> x[1] >= 0).count() == calls) {
                        videoDeadline = System.nanoTime() + 30_000_000_000L;
                    }
                }
                List<TimeToScene> clocks = incidentIds.stream().map(id -> clock(response, id)).toList();
                // how far the drone sent actually flew: the nearest dock's drones may all be out already
                java.util.Map<String, GeoPoint> startOf = new java.util.HashMap<>();
                scenario.vehicles().forEach(v -> startOf.put(ids.apply(v.name()), new GeoPoint(v.start().latDeg(), v.start().lonDeg())));
                List<Double> flown = new ArrayList<>();
                for (int i = 0; i < clocks.size(); i++) {
                    // the drone that reached the scene (the clock's drone may have changed since: relieved, or gone home)
                    GeoPoint from = startOf.get(onSceneBy.getOrDefault(clocks.get(i).getIncidentId(), clocks.get(i).getVehicleId()));
                    System.out.printf(Locale.ROOT, "  call %d %s: %s, on scene by %s, drone now %s%n", i, clocks.get(i).getIncidentId(),
                            clocks.get(i).getState(), onSceneBy.getOrDefault(clocks.get(i).getIncidentId(), "-"),
                            clocks.get(i).getVehicleId().isEmpty() ? "-" : clocks.get(i).getVehicleId());
                    if (clocks.get(i).getState().equals("REFUSED")) { // say why, as the timeline does
                        incidents.getIncident(org.skyfleet.proto.v1.GetIncidentRequest.newBuilder().setIncidentId(clocks.get(i)
                                .getIncidentId()).build()).getIncident().getTimelineList().stream()
                                .filter(e -> e.getCode().startsWith("NOTE_RESPONSE_")).forEach(e -> System.out.println("    " + e.getText()));
                    }
                    flown.add(from == null ? Double.NaN : GreatCircle.distanceM(from, scenes.get(i)));
                }
                report(clocks, distances, flown);
            } finally {
                viewers.forEach(Thread::interrupt);
                channel.shutdownNow();
                if (cameras != null) {
                    cameras.close();
                }
            }
        }
        return 0;
    }

    /**
     * Per incident, simulated ms from its call to when the bench first saw it airborne and on scene, and the real ms
     * from on scene to the first frame handed to the bench's viewer (the server's own stamps); -1 until then.
     */
    private final java.util.Map<String, long[]> seen = new java.util.HashMap<>();
    private final java.util.Map<String, String> onSceneBy = new java.util.HashMap<>();
    private final List<Thread> viewers = new ArrayList<>();
    private final java.util.Set<String> watched = new java.util.HashSet<>();
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    private String watcherToken;
    private int httpPort;

    /** Reads every response's clock for {@code forNs} of real time at 20 Hz, noting when each stage is first seen. */
    private void poll(ResponseServiceGrpc.ResponseServiceBlockingStub response, List<String> ids, long[] calledSimMs, Simulation sim,
                      long forNs) {
        long until = System.nanoTime() + forNs;
        do {
            for (int i = 0; i < ids.size(); i++) {
                long[] s = seen.computeIfAbsent(ids.get(i), k -> new long[] {-1, -1, -1});
                if (s[1] >= 0 && (!video || s[2] >= 0)) {
                    continue;
                }
                TimeToScene c = clock(response, ids.get(i));
                long since = sim.nowMs() - calledSimMs[i];
                if (s[0] < 0 && c.hasAirborne()) {
                    s[0] = since;
                }
                if (s[1] < 0 && c.hasOnScene()) {
                    s[1] = since;
                    onSceneBy.put(ids.get(i), c.getVehicleId());
                }
                if (video && c.hasOnScene() && watched.add(c.getVehicleId())) {
                    watch(c.getVehicleId()); // the commander opens the drone's feed, as the incident view does
                }
                if (c.hasFirstVideo() && c.hasOnScene()) {
                    s[2] = Math.round((c.getFirstVideoS() - c.getOnSceneS()) * 1000);
                }
            }
            LockSupport.parkNanos(50_000_000);
        } while (System.nanoTime() < until);
    }

    /** Reads the vehicle's live feed (fragmented MP4 over HTTP) on its own thread until the bench ends. */
    private void watch(String vehicleId) {
        Thread t = new Thread(() -> {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort
                    + org.skyfleet.app.video.VideoRoutes.PREFIX + vehicleId + "/live.mp4"))
                    .header("Authorization", "Bearer " + watcherToken).build();
            try (java.io.InputStream in = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream()).body()) {
                byte[] buffer = new byte[64 * 1024];
                while (!Thread.currentThread().isInterrupted() && in.read(buffer) >= 0) {
                    // a viewer only has to take the bytes
                }
            } catch (IOException e) {
                // the feed ended with the bench
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-viewer-" + vehicleId);
        t.setDaemon(true);
        viewers.add(t);
        t.start();
    }

    private void report(List<TimeToScene> clocks, List<Double> distances, List<Double> flown) throws IOException {
        double[] launch = clocks.stream().filter(c -> c.getLaunchCommandedS() >= 0).mapToDouble(TimeToScene::getLaunchCommandedS).toArray();
        double[] airborne = seen.values().stream().filter(x -> x[0] >= 0).mapToDouble(x -> x[0] / 1000.0).toArray();
        double[] onScene = seen.values().stream().filter(x -> x[1] >= 0).mapToDouble(x -> x[1] / 1000.0).toArray();
        long reached = clocks.stream().filter(TimeToScene::hasOnScene).count();
        // on scene per kilometre flown, and the calls whose drone came from within 1.6 km (the goal's case)
        List<Double> near = new ArrayList<>();
        for (int i = 0; i < clocks.size(); i++) {
            long[] s = seen.get(clocks.get(i).getIncidentId());
            if (s != null && s[1] >= 0 && flown.get(i) <= 1600) {
                near.add(s[1] / 1000.0);
            }
        }
        double[] nearOnScene = near.stream().mapToDouble(Double::doubleValue).toArray();
        double[] flownM = flown.stream().filter(d -> !d.isNaN()).mapToDouble(Double::doubleValue).toArray();
        String line = String.format(Locale.ROOT, "%s calls=%d seed=%d time_scale=%.0f gap_s=%.1f on_scene=%d dock_distance_m_p50=%.0f"
                        + " max=%.0f | launch_commanded_s p50=%.3f p90=%.3f max=%.3f | airborne_s p50=%.1f p90=%.1f max=%.1f"
                        + " | on_scene_s p50=%.1f p90=%.1f max=%.1f | flown_m p50=%.0f max=%.0f | on_scene_s flown<=1600m n=%d"
                        + " p50=%.1f p90=%.1f max=%.1f | %s cores=%d%n",
                Instant.now(), clocks.size(), seed, timeScale, gapS, reached,
                pct(distances.stream().mapToDouble(Double::doubleValue).toArray(), 50),
                pct(distances.stream().mapToDouble(Double::doubleValue).toArray(), 100),
                pct(launch, 50), pct(launch, 90), pct(launch, 100), pct(airborne, 50), pct(airborne, 90), pct(airborne, 100),
                pct(onScene, 50), pct(onScene, 90), pct(onScene, 100), pct(flownM, 50), pct(flownM, 100), nearOnScene.length,
                pct(nearOnScene, 50), pct(nearOnScene, 90), pct(nearOnScene, 100), firstVideo(),
                Runtime.getRuntime().availableProcessors());
        System.out.print(line);
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.writeString(results, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The first frame's figures: real seconds after on scene, and from the call (simulated on scene + those seconds). */
    private String firstVideo() {
        if (!video) {
            return "first_video not measured (--no-video)";
        }
        double[] after = seen.values().stream().filter(x -> x[1] >= 0 && x[2] >= 0).mapToDouble(x -> x[2] / 1000.0).toArray();
        double[] fromCall = seen.values().stream().filter(x -> x[1] >= 0 && x[2] >= 0).mapToDouble(x -> (x[1] + x[2]) / 1000.0)
                .toArray();
        return String.format(Locale.ROOT, "first_video n=%d after_on_scene_real_s p50=%.2f max=%.2f | first_video_s p50=%.1f"
                + " max=%.1f", after.length, pct(after, 50), pct(after, 100), pct(fromCall, 50), pct(fromCall, 100));
    }

    /** The nearest-rank percentile; NaN for no values. */
    private static double pct(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.max(0, (int) Math.ceil(p / 100 * v.length) - 1)];
    }

    private static TimeToScene clock(ResponseServiceGrpc.ResponseServiceBlockingStub response, String incidentId) {
        try {
            return response.getTimeToScene(GetTimeToSceneRequest.newBuilder().setIncidentId(incidentId).build()).getTimeToScene();
        } catch (StatusRuntimeException e) {
            return TimeToScene.newBuilder().setIncidentId(incidentId).build(); // not at the response yet
        }
    }

    private static List<String> names(int perDock) {
        List<String> out = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            for (int k = 0; k < perDock; k++) {
                out.add("dock-" + d + "-" + k);
            }
        }
        return out;
    }

    private String scenario(List<GeoPoint> docks, int perDock) {
        StringBuilder vehicles = new StringBuilder();
        for (int d = 0; d < docks.size(); d++) {
            for (int k = 0; k < perDock; k++) {
                // the drones of a dock stand 5 m apart on its pad
                GeoPoint p = new GeoPoint(docks.get(d).latDeg(), docks.get(d).lonDeg() + k * 5 / (111_320.0
                        * Math.cos(Math.toRadians(CENTRE.latDeg()))));
                vehicles.append(vehicles.length() == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"name\": \"dock-%d-%d\", \"type\": \"MULTICOPTER\", \"start\": {\"latDeg\": %.7f, \"lonDeg\": %.7f},"
                                + " \"enduranceS\": 1500, \"maxSpeedMps\": 15, \"cruiseSpeedMps\": 15}", d, k, p.latDeg(), p.lonDeg()));
            }
        }
        return String.format(Locale.ROOT, """
                {"name": "dfr-bench", "description": "four docks round Dongbu Xincheng", "seed": %d,
                 "durationS": 7200, "timeScale": %.1f, "home": {"latDeg": %.6f, "lonDeg": %.6f}, "homeAltAmslM": 5,
                 "area": [], "night": false, "canopyCover": 0, "wind": {"speedMps": 3, "fromDeg": 90, "gustMps": 1},
                 "failsafe": {"batteryReturnPercent": 15, "batteryLandPercent": 8, "lostLinkTimeoutS": 600, "fenceAction": "HOLD"},
                 "vehicles": [%s], "targets": [], "faults": []}
                """, seed, timeScale, CENTRE.latDeg(), CENTRE.lonDeg(), vehicles);
    }

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(CENTRE.latDeg() + northM / 111_320.0,
                CENTRE.lonDeg() + eastM / (111_320.0 * Math.cos(Math.toRadians(CENTRE.latDeg()))));
    }

    private static void await(Duration timeout, java.util.function.BooleanSupplier condition) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the simulated fleet did not connect within " + timeout);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
