package org.skyfleet.app;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.skyfleet.app.console.Console;
import org.skyfleet.app.http.BannedSourceFront;
import org.skyfleet.app.http.HttpEndpoint;
import org.skyfleet.app.http.HttpTls;
import org.skyfleet.app.metrics.FleetGauges;
import org.skyfleet.app.video.VideoRoutes;
import org.skyfleet.app.console.ConsoleAuth;
import org.skyfleet.video.VideoConfig;
import org.skyfleet.video.VideoStreams;
import org.skyfleet.video.grpc.VideoGrpcService;
import org.skyfleet.video.mavlink.CameraStreamDiscovery;
import org.skyfleet.cluster.ClusterConfig;
import org.skyfleet.cluster.ClusterNode;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.CommandLedger;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.fleet.flightlog.FlightContext;
import org.skyfleet.server.aircraft.AircraftRecords;
import org.skyfleet.server.audit.AuditGrpcService;
import org.skyfleet.server.audit.LinkClaimAudit;
import org.skyfleet.server.control.LinkClaimControl;
import org.skyfleet.fleet.vehicle.LinkClaims;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.control.CommandAirspaceCheck;
import org.skyfleet.server.control.FleetControl;
import org.skyfleet.server.control.LinkRoutes;
import org.skyfleet.server.control.RoutedMissionTransfer;
import org.skyfleet.server.control.RoutedVehicleCommands;
import org.skyfleet.server.enforcement.FenceUpload;
import org.skyfleet.server.enforcement.GeofenceEnforcement;
import org.skyfleet.server.enforcement.ZoneAirspace;
import org.skyfleet.server.enforcement.ZoneDeletionGuard;
import org.skyfleet.server.geofence.GeofenceGrpcService;
import org.skyfleet.server.auth.AuthGrpcService;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.RevokedTokens;
import org.skyfleet.server.auth.SourceBans;
import org.skyfleet.server.grpc.BannedSourceGate;
import org.skyfleet.server.grpc.CallLimits;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.FleetGrpcService;
import org.skyfleet.server.grpc.RoleInterceptor;
import org.skyfleet.server.grpc.TelemetryGrpcService;
import org.skyfleet.server.history.FleetRecorder;
import org.skyfleet.server.history.HistoryRetention;
import org.skyfleet.server.history.ReplayGrpcService;
import org.skyfleet.server.history.UnitRecorder;
import org.skyfleet.server.history.PositionHistoryQuery;
import org.skyfleet.server.http.HttpHandler;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.incident.WebhookGuard;
import org.skyfleet.server.incident.WebhookRefusals;
import org.skyfleet.server.incident.WebhookReplays;
import org.skyfleet.server.mission.MissionControl;
import org.skyfleet.server.mission.MissionGrpcService;
import org.skyfleet.server.records.RecordsContext;
import org.skyfleet.server.records.RecordsDomain;
import org.skyfleet.server.response.ResponseConfig;
import org.skyfleet.fleet.response.ResponsePolicy;
import org.skyfleet.server.sighting.TrackFeed;
import org.skyfleet.server.gate.GateGrpcService;
import org.skyfleet.server.gate.GateWatch;
import org.skyfleet.server.vessel.SeaGate;
import org.skyfleet.server.vessel.SeaGateConfig;
import org.skyfleet.server.robot.RobotConfig;
import org.skyfleet.server.robot.Robots;
import org.skyfleet.server.control.RoutedPositionTargets;
import org.skyfleet.fleet.command.PositionTargets;
import org.skyfleet.telemetry.command.MavlinkPositionTargets;
import org.skyfleet.server.vessel.SeaGateWatch;
import org.skyfleet.telemetry.command.CommandConfig;
import org.skyfleet.telemetry.command.MavlinkVehicleCommands;
import org.skyfleet.telemetry.camera.CameraReportTracker;
import org.skyfleet.telemetry.camera.MavlinkCameraCommands;
import org.skyfleet.fleet.camera.CameraCommands;
import org.skyfleet.fleet.replay.Replays;
import org.skyfleet.server.camera.CameraControl;
import org.skyfleet.server.camera.CameraGrpcService;
import org.skyfleet.server.camera.RoutedCameraCommands;
import org.skyfleet.video.evidence.EvidenceConfig;
import org.skyfleet.video.evidence.EvidenceRecorder;
import org.skyfleet.video.grpc.EvidenceGrpcService;
import org.skyfleet.telemetry.command.VehicleLink;
import org.skyfleet.telemetry.fanout.EventFanout;
import org.skyfleet.telemetry.fanout.FanoutMetrics;
import org.skyfleet.telemetry.fanout.StateFanout;
import org.skyfleet.telemetry.link.IngestMetrics;
import org.skyfleet.telemetry.link.LinkConfig;
import org.skyfleet.telemetry.link.MavlinkUdpLink;
import org.skyfleet.telemetry.mission.MavlinkMissionTransfer;
import org.skyfleet.telemetry.mission.TransferConfig;

/**
 * One running SkyFleet control-plane node: the MAVLink links, the fan-out, the gRPC services, the HTTP
 * endpoint and console, assembled once in one line of parts on a {@link Topology} (on its own, or sharing
 * the fleet over NATS), and closed in the reverse order.
 */
public final class SkyfleetServer implements AutoCloseable {
    private static final int EVENT_QUEUE_CAPACITY = 1024;
    /**
     * QGroundControl's timeouts (1.5 s to open, 500 ms between items) with 10 retries instead of 5: over a
     * radio losing 30 % each way a round trip fails half the time, and 6 tries would lose one item in 55.
     */
    private static final TransferConfig MISSION_TRANSFER = new TransferConfig(Duration.ofMillis(1500), Duration.ofMillis(500), 10);
    /** A command id repeated within this time is answered with the first outcome, restarts included. */
    private static final Duration COMMAND_ID_RETENTION = Duration.ofHours(24);
    /** Distinct (source, caller, reason) refusal rows a minute may hold before the rest are pooled. */
    private static final int REFUSAL_ROWS = 10_000;
    private static final CallLimits CALL_LIMITS = CallLimits.defaults();
    /** How often a node forgets the revocations whose tokens have all expired. */
    private static final Duration REVOCATION_PRUNE = Duration.ofHours(1);
    /** How often a node rereads the revoked tokens, to learn of the revocations made on the other nodes. */
    private static final Duration REVOCATION_RELOAD = Duration.ofSeconds(5);
    /**
     * Webhook signatures remembered against replay while still valid (up to 10 minutes): a call-taking system
     * sends a few calls a minute, so 10 000 is far above any honest rate; beyond it deliveries get 503.
     */
    private static final int WEBHOOK_REPLAY_CAPACITY = 10_000;

    private final ShutdownOrder parts = new ShutdownOrder();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HealthStatusManager health = new HealthStatusManager();
    private final Topology topology;
    private final VehicleRegistry registry;
    private final IngestMetrics ingestMetrics;
    private final FanoutMetrics stateFanoutMetrics;
    private final StateFanout<byte[]> stateFanout;
    private final ControlLeases leases;
    private final AuditJournal audit;
    private final RefusalTally refusals;
    private final Geofences geofences;
    private final MissionBook missionBook;
    private final List<MavlinkUdpLink> links = new ArrayList<>();
    private final RecordsHost records;
    private final AircraftRecords aircraft;
    private final Server grpc;
    private final Console console;
    private final HttpEndpoint http;
    private final VideoStreams video;
    private final CameraReportTracker cameraReports;
    private final org.skyfleet.telemetry.weather.WindReportTracker windReports;
    private final EvidenceRecorder evidence;
    private final SeaGate seaGate;
    private final GateWatch gates;
    /** How often the gates look at every position: a drone at 15 m/s moves 15 m between two looks. */
    static final Duration GATE_SAMPLE_PERIOD = Duration.ofSeconds(1);
    private final Robots robots;

    /** Opens every part in order; should one fail, those already open are closed and the failure thrown. */
    private SkyfleetServer(ServerConfig config, AutomationConfig automation, Store given, InstantSource clock,
                           NodeParts node) throws IOException, InterruptedException {
        ClusterConfig cluster = node.cluster();
        SeaGateConfig seaGateConfig = node.seaGate();
        RobotConfig robotConfig = node.robots();
        EvidenceConfig evidenceConfig = node.evidence();
        ResponsePolicy responsePolicy = node.response();
        parts.add(given);
        try {
            // revoked tokens are refused on every call: what the store holds (every node's revocations), then reloaded
            RevokedTokens revokedTokens = new RevokedTokens(given.revocations());
            if (config.tokens() != null) {
                config = config.withTokens(config.tokens().withRevocations(revokedTokens), !config.trustNamedCallers());
            }
            parts.add(meters::close);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            topology = parts.add(cluster == null ? new StandaloneTopology(given)
                    : ClusterTopology.join(cluster, given, config, clock, meters));
            // the topology's store, not the given one: in a cluster incidents and the audit must also reach the durable log
            Store store = topology.store();
            registry = new VehicleRegistry(topology.bus(), VehicleHealthRules.defaults());
            ingestMetrics = new IngestMetrics(meters);
            stateFanoutMetrics = new FanoutMetrics(meters, "states");
            int cores = Runtime.getRuntime().availableProcessors();
            EventLoopGroup linkGroup = eventLoops(Math.min(config.mavlinkLinks(), cores), "skyfleet-mavlink");
            EventLoopGroup httpGroup = eventLoops(1, "skyfleet-http");
            ExecutorService fanoutExecutor = executor(Executors.newFixedThreadPool(Math.max(2, cores),
                    new DefaultThreadFactory("skyfleet-fanout", true)));
            ScheduledExecutorService fanoutTimer = executor(Executors.newSingleThreadScheduledExecutor(
                    new DefaultThreadFactory("skyfleet-fanout-timer", true)));
            // Mission progress is written to the store: followed here, not on the MAVLink threads.
            ExecutorService missionProgress = executor(Executors.newSingleThreadExecutor(
                    new DefaultThreadFactory("skyfleet-mission-progress", true)));
            // Webhook and console requests write to the store: they run here, not on the HTTP event loop.
            ExecutorService httpHandlers = executor(Executors.newSingleThreadExecutor(
                    new DefaultThreadFactory("skyfleet-http-handlers", true)));
            stateFanout = parts.add(new StateFanout<>(topology.bus(), s -> TelemetryGrpcService.encodeState(s, clock),
                    fanoutExecutor, fanoutTimer, stateFanoutMetrics));
            EventFanout<byte[]> eventFanout = parts.add(new EventFanout<>(topology.bus(), TelemetryGrpcService::encodeEvent,
                    fanoutExecutor, new FanoutMetrics(meters, "events"), EVENT_QUEUE_CAPACITY));
            FleetGauges.register(meters, registry, stateFanout, eventFanout);
            leases = topology.leases(clock);
            audit = new AuditJournal(clock, store.audit());
            // refusals are journaled by the minute from their own thread; what is still counted is written at shutdown
            // and an address that keeps calling without a valid token is banned at the connection
            SourceBans bans = config.sourceBans() == null ? null : new SourceBans(config.sourceBans(), clock, meters);
            refusals = new RefusalTally(audit, clock, REFUSAL_ROWS, meters, bans);
            parts.add(() -> refusals.flush(true));
            ScheduledExecutorService refusalWriter = executor(Executors.newSingleThreadScheduledExecutor(
                    new DefaultThreadFactory("skyfleet-refusals", true)));
            refusalWriter.scheduleWithFixedDelay(() -> refusals.flush(false), 5, 5, TimeUnit.SECONDS);
            if (bans != null) {
                refusalWriter.scheduleWithFixedDelay(bans::prune, 30, 30, TimeUnit.SECONDS);
            }
            if (config.tokens() != null) {
                Duration maxTokenLifetime = config.tokens().maxTtl();
                refusalWriter.scheduleWithFixedDelay(() -> revokedTokens.forgetExpired(clock.instant(), maxTokenLifetime),
                        0, REVOCATION_PRUNE.toMillis(), TimeUnit.MILLISECONDS);
            }
            refusalWriter.scheduleWithFixedDelay(revokedTokens::reload, REVOCATION_RELOAD.toMillis(), REVOCATION_RELOAD.toMillis(),
                    TimeUnit.MILLISECONDS);
            geofences = new Geofences(store.zones());
            missionBook = new MissionBook(store.missions());
            // Each node records the vehicles whose links it owns; the others' come in over the bus and are theirs to record.
            parts.add(new FleetRecorder(topology.localBus(), store.vehicles(), store.positions(), clock, meters, Duration.ofSeconds(1)));

            Map<String, VehicleCommands> commandsByLink = new HashMap<>();
            Map<String, MissionTransfer> transfersByLink = new HashMap<>();
            Map<String, PositionTargets> targetsByLink = new HashMap<>();
            Map<String, LinkClaims> claimsByLink = new HashMap<>();
            Map<String, CameraCommands> camerasByLink = new HashMap<>();
            cameraReports = new CameraReportTracker(clock);
            windReports = new org.skyfleet.telemetry.weather.WindReportTracker(clock);
            // claims are journaled from their own thread: the journal writes to the store, the links must not wait on it
            parts.add(new LinkClaimAudit(topology.localBus(), audit, executor(Executors.newSingleThreadExecutor(
                    new DefaultThreadFactory("skyfleet-link-audit", true)))));
            for (int i = 0; i < config.mavlinkLinks(); i++) {
                int port = config.mavlinkPort() == 0 ? 0 : config.mavlinkPort() + i;
                LinkConfig linkConfig = LinkConfig.defaults(config.mavlinkHost(), port)
                        .withHeartbeatTimeout(config.heartbeatTimeout())
                        .withSigning(config.signingKeys(), 0)
                        .withAdmission(config.admission())
                        .withUnsigned(config.unsignedLinks());
                if (config.mavlinkSourceRate() > 0) {
                    linkConfig = linkConfig.withPeerRate(config.mavlinkSourceRate(), 2 * config.mavlinkSourceRate());
                }
                MavlinkUdpLink link = parts.add(MavlinkUdpLink.bind(linkConfig, linkGroup, registry, clock, ingestMetrics,
                        topology.linkGate()));
                links.add(link);
                VehicleLink vehicleLink = VehicleLink.of(link);
                claimsByLink.put(linkConfig.linkName(), link.claims());
                MavlinkVehicleCommands linkCommands = MavlinkVehicleCommands.forRegistry(vehicleLink, registry, CommandConfig.defaults());
                commandsByLink.put(linkConfig.linkName(), linkCommands);
                link.addObserver(cameraReports);
                link.addObserver(windReports);
                camerasByLink.put(linkConfig.linkName(), new MavlinkCameraCommands(linkCommands, cameraReports));
                transfersByLink.put(linkConfig.linkName(), new MavlinkMissionTransfer(vehicleLink, MISSION_TRANSFER));
                targetsByLink.put(linkConfig.linkName(), new MavlinkPositionTargets(vehicleLink));
            }
            VehicleCommands commands = topology.commands(registry, new RoutedVehicleCommands(new LinkRoutes<>(commandsByLink)),
                    config.heartbeatTimeout(), refusals);
            MissionTransfer transfers = topology.missionTransfers(new RoutedMissionTransfer(new LinkRoutes<>(transfersByLink)));
            aircraft = parts.add(new AircraftRecords(store, audit, registry, topology.localBus(), clock,
                    executor(Executors.newSingleThreadExecutor(new DefaultThreadFactory("skyfleet-aircraft", true))), this::flying));
            links.forEach(l -> l.addObserver(aircraft.linkObserver()));
            org.skyfleet.fleet.dock.DockBook docks = new org.skyfleet.fleet.dock.DockBook();
            org.skyfleet.telemetry.mavlink.ChargingStationReports dockReports = new org.skyfleet.telemetry.mavlink.ChargingStationReports(docks, clock);
            links.forEach(l -> l.addDockObserver(dockReports::onDockFrame));
            MissionControl missionControl = new MissionControl(registry, leases, commands, transfers, missionBook, audit, clock,
                    aircraft.grounding());
            topology.share(missionBook, geofences, leases, audit, clock);
            links.forEach(l -> l.addObserver(missionControl.progressObserver(missionProgress)));
            seaGate = parts.add(new SeaGate(seaGateConfig, linkGroup, fanoutExecutor, fanoutTimer, store.positions(), meters, clock));
            FenceUpload fenceUpload = new FenceUpload(geofences, registry, leases, transfers, audit, clock);
            MissionGrpcService missions = parts.add(new MissionGrpcService(registry, missionControl,
                    base -> ZoneAirspace.with(base, geofences.all(), clock.instant()), clock, aircraft.endurance()));
            parts.add(new GeofenceEnforcement(topology.localBus(), geofences, registry, commands, leases, audit, clock,
                    fanoutTimer, new FanoutMetrics(meters, "geofence")));
            FleetControl control = new FleetControl(registry, leases, commands,
                    new CommandAirspaceCheck(() -> ZoneAirspace.with(Airspace.OPEN, geofences.all(), clock.instant())),
                    new CommandLedger<>(clock, COMMAND_ID_RETENTION, 100_000, FleetControl::neverSent), audit, store.commands(),
                    clock, COMMAND_ID_RETENTION, aircraft.grounding());
            fanoutTimer.scheduleAtFixedRate(control::expireLeases, 1, 1, TimeUnit.SECONDS);

            // a bounded pool: a flood of calls queues for threads instead of adding one per call
            ExecutorService grpcCalls = executor(Executors.newFixedThreadPool(Math.max(16, 4 * cores),
                    new DefaultThreadFactory("skyfleet-grpc", true)));
            NettyServerBuilder grpcBuilder = NettyServerBuilder.forAddress(new InetSocketAddress(config.grpcHost(), config.grpcPort()))
                    .executor(grpcCalls)
                    .maxConcurrentCallsPerConnection(2 * CALL_LIMITS.perConnection()); // a backstop under CallLimits' own cap
            if (bans != null) {
                parts.add(BannedSourceGate.install(grpcBuilder, refusals, 2 * cores));
            }
            if (config.tls() != null) {
                grpcBuilder.sslContext(config.tls().serverContext());
            }
            video = parts.add(new VideoStreams(VideoConfig.defaults(), clock, meters));
            if (responsePolicy != null) {
                org.skyfleet.server.response.GivenResponsePolicy.keep(responsePolicy, store.responsePolicies(), audit, clock);
            }
            ResponseConfig response = new ResponseConfig(ResponsePolicy.defaults(), store.responsePolicies(),
                    aircraft.airframes()::profileOf, video::onFirstDelivery, windReports, meters);
            RecordsContext recordsContext = new RecordsContext(clock, store, audit, registry, missionControl, commands, leases,
                    automation, () -> ZoneAirspace.with(Airspace.OPEN, geofences.all(), clock.instant()), aircraft.endurance(), docks,
                    aircraft.batteries(), response);
            records = parts.add(topology.records(recordsContext, grpcBuilder));
            // the gates count what the node holds: records (units, tracks, incidents) wherever they are open now
            gates = parts.add(new GateWatch(new GateWatch.Context(geofences, registry, seaGate.registry(),
                    () -> records.local().map(r -> r.dispatcher().roster()), () -> records.local().map(RecordsDomain::tracks),
                    () -> records.local().map(RecordsDomain::incidents), this::raiseWatchedCrossing, clock,
                    config.consoleSite().timeZone(), GATE_SAMPLE_PERIOD, store.gateCrossings())));
            robots = parts.add(new Robots(new Robots.Context(robotConfig, store.robotTaskings(), registry,
                    () -> this.records.local().map(r -> r.dispatcher().roster()), commands,
                    new RoutedPositionTargets(new LinkRoutes<>(targetsByLink)), leases, geofences, audit, clock, missionControl,
                    () -> ZoneAirspace.with(Airspace.OPEN, geofences.all(), clock.instant()))));
            // history for replay: units' positions once a second beside the vehicles', all of it kept for a bounded time
            ScheduledExecutorService historyKeeper = executor(Executors.newSingleThreadScheduledExecutor(
                    new DefaultThreadFactory("skyfleet-history-keeper", true)));
            UnitRecorder unitRecorder = new UnitRecorder(() -> this.records.local().map(r -> r.dispatcher().roster()), store.positions());
            historyKeeper.scheduleWithFixedDelay(unitRecorder::record, 1, 1, TimeUnit.SECONDS);
            HistoryRetention retention = new HistoryRetention(store.positions(), node.historyRetention(), clock);
            historyKeeper.scheduleWithFixedDelay(retention::prune, 10, HistoryRetention.PRUNE_EVERY.toSeconds(), TimeUnit.SECONDS);
            ReplayGrpcService replays = new ReplayGrpcService(new Replays(store.positions(), clock),
                    id -> this.records.local().flatMap(r -> r.incidents().find(id)).or(() -> store.incidents().find(id)),
                    missionBook::find);
            robots.dispatchFrom(() -> this.records.local().map(RecordsDomain::dispatcher));
            ExecutorService videoDiscovery = executor(Executors.newSingleThreadExecutor(
                    new DefaultThreadFactory("skyfleet-video-discovery", true)));
            links.forEach(l -> new CameraStreamDiscovery(VehicleLink.of(l), CameraStreamDiscovery.registerIn(video, audit), videoDiscovery));
            // while an incident is open its drones' feeds are recorded as evidence, from the relay (closed before it)
            evidence = parts.add(new EvidenceRecorder(evidenceConfig, video, () -> EvidenceRecorder.dronesOf(
                    records.local().map(r -> r.incidents().list(false)).orElse(List.of())), audit, store.evidence(), clock));
            grpc = grpcBuilder
                    .addService(new VideoGrpcService(video, audit))
                    .addService(new EvidenceGrpcService(store.evidence(), evidence))
                    .addService(new CameraGrpcService(new CameraControl(registry, leases,
                            new RoutedCameraCommands(new LinkRoutes<>(camerasByLink)), audit), cameraReports))
                    .addService(new FleetGrpcService(registry, clock, control, fenceUpload, new PositionHistoryQuery(store.positions()),
                            new LinkClaimControl(registry, leases, new LinkRoutes<>(claimsByLink), audit)))
                    .addService(missions)
                    .addService(new AuditGrpcService(audit))
                    .addService(aircraft.grpcService())
                    .addService(new AuthGrpcService(revokedTokens, audit, clock))
                    .addService(new GeofenceGrpcService(geofences, clock, new ZoneDeletionGuard(missionBook, fenceUpload, geofences)))
                    .addService(new TelemetryGrpcService(registry, stateFanout, eventFanout))
                    .addService(seaGate.grpcService())
                    .addService(new GateGrpcService(gates, clock, audit))
                    .addService(robots.grpcService())
                    .addService(replays)
                    .addService(ProtoReflectionServiceV1.newInstance())
                    .addService(health.getHealthService())
                    .intercept(CALL_LIMITS.interceptor()) // runs last: only calls the caller may make count against it
                    .intercept(new RoleInterceptor()) // runs second: it needs the caller the next one finds
                    .intercept(new CallerInterceptor(config.tokens(), config.trustNamedCallers(), refusals))
                    .permitKeepAliveTime(10, TimeUnit.SECONDS)
                    .build()
                    .start();
            parts.add(() -> {
                grpc.shutdownNow();
                grpc.awaitTermination(5, TimeUnit.SECONDS);
            });

            console = parts.add(new Console(topology.bus(), registry, config.tokens(), audit, refusals, clock, fanoutExecutor, fanoutTimer,
                    new FanoutMetrics(meters, "console"), config.grpcHost(), grpc.getPort(), config.tls(), config.consoleTilesUrl(),
                    config.consoleSite(), httpHandlers, config.httpLimits().consoleSignIn()));
            Gauge.builder("skyfleet.subscribers", console.states(), StateFanout::subscriberCount)
                    .tag("stream", "console").description("live subscribers").register(meters);
            // one guard per node: a delivery is checked once, where it arrives, and its signature remembered here
            ConsoleAuth videoAuth = new ConsoleAuth(config.tokens(), refusals);
            Duration videoSignIn = config.httpLimits().consoleSignIn();
            Map<String, HttpHandler> posts = automation.webhookSecret() == null ? Map.of()
                    : Map.of(IncidentWebhook.PATH, new WebhookGuard(automation.webhookSecret(), config.lab(), clock,
                            new WebhookReplays(clock, WEBHOOK_REPLAY_CAPACITY), new WebhookRefusals(audit, clock, meters),
                            records::webhook));
            http = parts.add(HttpEndpoint.bind(config.httpHost(), config.httpPort(), httpGroup, meters::scrape,
                    () -> !grpc.isShutdown(), posts, httpHandlers, config.httpLimits(),
                    withBans(bans, refusals, pipeline -> {
                        pipeline.addLast(new VideoRoutes(video, videoAuth, httpHandlers, videoSignIn));
                        console.install(pipeline);
                    }),
                    config.tls() == null ? null : HttpTls.serverContext(config.tls())));
            records.start(config.grpcHost(), grpc.getPort(), console.alerts());
            robots.alertsTo((at, code, severity, robot, detail, lat, lon) -> console.alerts().raise(at, code, severity, robot,
                    detail, lat, lon));
            seaGate.watch(new SeaGateWatch.Context(geofences, () -> records.local().map(RecordsDomain::incidents),
                    () -> records.local().map(RecordsDomain::tracks), registry, commands, leases, audit, automation.searchPolicy(),
                    clock), seaGateConfig.ruleLimits());
            aircraft.flights().onMaintenanceDue((vehicleId, why) -> console.alerts().raise(clock.instant(), "MAINTENANCE_DUE", "WARNING",
                    vehicleId, why, Double.NaN, Double.NaN));
            health.setStatus("", HealthCheckResponse.ServingStatus.SERVING);
            parts.add(health::enterTerminalState);
        } catch (IOException | InterruptedException | RuntimeException e) {
            parts.close();
            throw e;
        }
    }

    /** The HTTP endpoint's front handlers, behind the ban check when sources are banned. */
    private static java.util.function.Consumer<io.netty.channel.ChannelPipeline> withBans(SourceBans bans, RefusalTally refusals,
            java.util.function.Consumer<io.netty.channel.ChannelPipeline> front) {
        return bans == null ? front : BannedSourceFront.before(front, refusals);
    }

    /** A watched track's gate crossing as a console alert; before the console is open there is nowhere to raise it. */
    private void raiseWatchedCrossing(org.skyfleet.fleet.gate.GateCrossing x, String gateName, String incidentId) {
        Console c = this.console;
        if (c != null && incidentId.isEmpty()) { // on the commander's watch list: a track or a vessel
            c.alerts().raise(x.time(), "WATCHED_SUBJECT_AT_GATE", "WARNING", x.subjectId(),
                    "watched " + x.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + x.subjectId() + " " + (x.direction()
                            == org.skyfleet.fleet.gate.CrossingDirection.IN ? "entered " : "left ") + gateName,
                    x.latDeg(), x.lonDeg(), Map.of("gate", gateName, "kind", x.kind().name()));
        } else if (c != null) {
            c.alerts().raise(x.time(), "WATCHED_TRACK_AT_GATE", "WARNING", x.subjectId(),
                    "watched track " + x.subjectId() + " (incident " + incidentId + ") " + (x.direction()
                            == org.skyfleet.fleet.gate.CrossingDirection.IN ? "entered " : "left ") + gateName,
                    x.latDeg(), x.lonDeg(), Map.of("gate", gateName, "incident", incidentId));
        }
    }

    /** What a vehicle flies as and for at its takeoff, for its flight log: the lease holder, its mission, its search. */
    private FlightContext flying(String vehicleId) {
        String by = leases.current(vehicleId).map(l -> l.holder().toString())
                .orElse("autopilot");
        String mission = missionBook.activeOf(vehicleId).map(m -> m.missionId()).orElse("");
        String incident = records == null ? "" : records.local().flatMap(r -> r.search().incidentSending(vehicleId)).orElse("");
        return new FlightContext(by, mission, incident, "", "");
    }

    private EventLoopGroup eventLoops(int threads, String name) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
        parts.add(() -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
        return group;
    }

    private <T extends ExecutorService> T executor(T executor) {
        // a task still running when the server stops ends before the parts opened earlier (the store last) close
        parts.add(() -> {
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        });
        return executor;
    }

    /** Binds every endpoint and starts serving. */
    public static SkyfleetServer start(ServerConfig config, InstantSource clock) throws IOException, InterruptedException {
        return start(config, AutomationConfig.defaults(), clock);
    }

    /** Binds every endpoint and starts serving, with the automation configured. */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, InstantSource clock) throws IOException, InterruptedException {
        return start(config, automation, new InMemoryStore(), clock);
    }

    /**
     * Binds every endpoint and starts serving, keeping incidents, sightings, assignments, leases and the
     * audit journal in {@code store} (which the server closes): what was stored before a restart is back.
     */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, Store store, InstantSource clock)
            throws IOException, InterruptedException {
        return start(config, automation, store, clock, NodeParts.defaults());
    }

    /**
     * As {@link #start(ServerConfig, AutomationConfig, Store, InstantSource)}, sharing the fleet with the other
     * nodes on {@code cluster}'s NATS (null: on its own): it ingests the vehicles whose links it owns, sees
     * every other node's vehicles over the bus, and relays commands for them to their owners.
     */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, Store store, InstantSource clock,
                                       ClusterConfig cluster) throws IOException, InterruptedException {
        return start(config, automation, store, clock, NodeParts.defaults().withCluster(cluster));
    }

    /** As above, hearing vessels (AIS) where {@code seaGate} says; the other overloads use a free loopback port. */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, Store store, InstantSource clock,
                                       ClusterConfig cluster, SeaGateConfig seaGate) throws IOException, InterruptedException {
        return start(config, automation, store, clock, NodeParts.defaults().withCluster(cluster).withSeaGate(seaGate));
    }

    /** As above, with every duty beside the control plane as {@code node} says. */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, Store store, InstantSource clock,
                                       NodeParts node) throws IOException, InterruptedException {
        return new SkyfleetServer(config, automation, store, clock, node);
    }

    /** The ground robots this node tasks: pairings with officers, patrols, docking. */
    public Robots robots() {
        return robots;
    }

    /** The city's gates and their counters on this node. */
    public GateWatch gates() {
        return gates;
    }

    /** The vessels (AIS) this node hears, and its sea-gate rules. */
    public SeaGate seaGate() {
        return seaGate;
    }

    /**
     * The incident side as this node serves it: on a node of its own always; in a cluster while this node
     * leads the records.
     */
    public Optional<RecordsDomain> records() {
        return records.local();
    }

    /** Every service the gRPC server has bound, for checks that must cover all of them. */
    public List<ServerServiceDefinition> grpcServices() {
        return grpc.getServices();
    }

    public int grpcPort() {
        return grpc.getPort();
    }

    public int httpPort() {
        return http.localAddress().getPort();
    }

    public List<MavlinkUdpLink> links() {
        return links;
    }

    /** The first link's local address, where a single vehicle or the demo fleet sends. */
    public InetSocketAddress mavlinkAddress() {
        return links.get(0).localAddress();
    }

    public VehicleRegistry registry() {
        return registry;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public IngestMetrics ingestMetrics() {
        return ingestMetrics;
    }

    public FanoutMetrics stateFanoutMetrics() {
        return stateFanoutMetrics;
    }

    /** The zones live enforcement checks against. */
    public Geofences geofences() {
        return geofences;
    }

    public ControlLeases leases() {
        return leases;
    }

    public AuditJournal audit() {
        return audit;
    }

    /** Refused calls, counted until their minute is journaled. */
    public RefusalTally refusals() {
        return refusals;
    }

    /** @throws IllegalStateException on a cluster node that does not lead the records */
    public IncidentBook incidents() {
        return leadingRecords().incidents();
    }

    /** @throws IllegalStateException on a cluster node that does not lead the records */
    public TrackFeed tracks() {
        return leadingRecords().tracks();
    }

    private RecordsDomain leadingRecords() {
        return records().orElseThrow(() -> new IllegalStateException(
                "node " + cluster().map(ClusterNode::nodeId).orElse("?") + " does not lead the records"));
    }

    public StateFanout<byte[]> stateFanout() {
        return stateFanout;
    }

    /** Airframe profiles and which vehicle flies as which. */
    public AircraftRecords aircraft() {
        return aircraft;
    }

    /** Every mission this node follows. */
    public MissionBook missions() {
        return missionBook;
    }

    /** Every vehicle's live video stream on this node. */
    /** Records incidents' feeds as evidence. */
    public EvidenceRecorder evidence() {
        return evidence;
    }

    /** What the vehicles last reported of their cameras (gimbal, zoom, recording, photos). */
    /** The wind each vehicle's telemetry reports. */
    public org.skyfleet.fleet.weather.WindMeasurements windReports() {
        return windReports;
    }

    public org.skyfleet.fleet.camera.CameraReports cameraReports() {
        return cameraReports;
    }

    public VideoStreams video() {
        return video;
    }

    /** The commander console served on the HTTP port. */
    public Console console() {
        return console;
    }

    /** This node's membership of a shared fleet, if it has one. */
    public Optional<ClusterNode> cluster() {
        return topology.cluster();
    }

    /** Stops serving, then closes every part in the reverse of the order it was opened; the store last. */
    @Override
    public void close() {
        parts.close();
    }
}
