package org.skyfleet.app;

import org.skyfleet.server.automation.AutomationConfig;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
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
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.CommandLedger;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.server.control.CommandAirspaceCheck;
import org.skyfleet.server.control.FleetControl;
import org.skyfleet.server.control.RoutedVehicleCommands;
import org.skyfleet.server.control.LinkRoutes;
import org.skyfleet.server.control.RoutedMissionTransfer;
import org.skyfleet.server.mission.MissionControl;
import org.skyfleet.fleet.command.MissionTransfer;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.server.enforcement.GeofenceEnforcement;
import org.skyfleet.server.enforcement.FenceUpload;
import org.skyfleet.server.enforcement.ZoneAirspace;
import org.skyfleet.server.enforcement.ZoneDeletionGuard;
import org.skyfleet.server.geofence.GeofenceGrpcService;
import org.skyfleet.telemetry.mission.MavlinkMissionTransfer;
import org.skyfleet.telemetry.mission.TransferConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.server.grpc.RoleInterceptor;
import org.skyfleet.server.grpc.FleetGrpcService;
import org.skyfleet.telemetry.command.CommandConfig;
import org.skyfleet.telemetry.command.MavlinkVehicleCommands;
import org.skyfleet.telemetry.command.VehicleLink;
import org.skyfleet.server.grpc.TelemetryGrpcService;
import org.skyfleet.server.history.FleetRecorder;
import org.skyfleet.server.history.PositionHistoryQuery;
import org.skyfleet.server.http.HttpEndpoint;
import org.skyfleet.server.http.HttpHandler;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.cluster.records.LeaderChannels;
import org.skyfleet.cluster.records.RecordsLeadership;
import org.skyfleet.cluster.records.RecordsRoute;
import org.skyfleet.cluster.records.RoutedRecordServices;
import org.skyfleet.server.records.RecordsContext;
import org.skyfleet.server.records.RecordsDomain;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.sighting.TrackFeed;
import org.skyfleet.app.metrics.FleetGauges;
import org.skyfleet.server.mission.MissionGrpcService;
import org.skyfleet.server.mission.MissionRecovery;
import org.skyfleet.telemetry.bus.InProcessFleetBus;
import org.skyfleet.telemetry.fanout.EventFanout;
import org.skyfleet.telemetry.fanout.FanoutMetrics;
import org.skyfleet.telemetry.fanout.StateFanout;
import org.skyfleet.telemetry.link.IngestMetrics;
import org.skyfleet.telemetry.link.LinkConfig;
import org.skyfleet.telemetry.link.MavlinkUdpLink;

/** One running SkyFleet control-plane node on embedded defaults. */
public final class SkyfleetServer implements AutoCloseable {
    private static final int EVENT_QUEUE_CAPACITY = 1024;
    /**
     * QGroundControl's timeouts (1.5 s to open, 500 ms between items) with 10 retries instead of 5: over a
     * radio losing 30 % each way a round trip fails half the time, and 6 tries would lose one item in 55.
     */
    private static final TransferConfig MISSION_TRANSFER = new TransferConfig(Duration.ofMillis(1500), Duration.ofMillis(500), 10);

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final VehicleRegistry registry;
    private final IngestMetrics ingestMetrics;
    private final FanoutMetrics stateFanoutMetrics;
    private final EventLoopGroup linkGroup;
    private final EventLoopGroup httpGroup;
    private final ExecutorService fanoutExecutor;
    private final ScheduledExecutorService fanoutTimer;
    private final StateFanout<byte[]> stateFanout;
    private final EventFanout<byte[]> eventFanout;
    private final List<MavlinkUdpLink> links = new ArrayList<>();
    private final HealthStatusManager health = new HealthStatusManager();
    private MissionGrpcService missions;
    private final ControlLeases leases;
    private final MissionBook missionBook;
    private final Geofences geofences;
    private FleetRecorder recorder;
    private final org.skyfleet.fleet.bus.FleetBus bus;
    /** Membership of a fleet shared with other nodes over NATS; null for a node on its own. */
    private final org.skyfleet.cluster.ClusterNode cluster;
    private GeofenceEnforcement enforcement;
    private MissionControl missionControl;
    private final AuditJournal audit;
    private final Store store;
    /** The incident side, opened at start on a node of its own; in a cluster, only the records leader's is open. */
    private RecordsDomain records;
    private RecordsLeadership recordsLeadership;
    /** A command id repeated within this time is answered with the first outcome, restarts included. */
    private static final Duration COMMAND_ID_RETENTION = Duration.ofHours(24);
    /** Mission progress is written to the store: followed here, not on the MAVLink threads. */
    private final ExecutorService missionProgress = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("skyfleet-mission-progress", true));
    /** Webhook and console requests write to the store: they run here, not on the HTTP event loop. */
    private final ExecutorService httpHandlers = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("skyfleet-http-handlers", true));
    private Server grpc;
    private HttpEndpoint http;
    /** The webhook on a cluster node that does not lead the records: what it takes is made by the leader. */
    private IncidentWebhook forwardedWebhook;
    private org.skyfleet.server.auth.TokenAuthority webhookTokens;
    /** Channels to the other nodes, for record calls forwarded to their leader. */
    private LeaderChannels leaderChannels;
    private org.skyfleet.app.console.Console console;

    private SkyfleetServer(ServerConfig config, Store store, InstantSource clock, org.skyfleet.cluster.ClusterConfig cluster) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        this.cluster = cluster == null ? null : org.skyfleet.cluster.ClusterNode.join(cluster, clock, meters);
        this.store = this.cluster == null ? store : this.cluster.logged(store);
        this.bus = this.cluster == null ? new InProcessFleetBus() : this.cluster.bus();
        this.registry = new VehicleRegistry(bus, VehicleHealthRules.defaults());
        this.ingestMetrics = new IngestMetrics(meters);
        this.stateFanoutMetrics = new FanoutMetrics(meters, "states");
        int cores = Runtime.getRuntime().availableProcessors();
        this.linkGroup = new MultiThreadIoEventLoopGroup(Math.min(config.mavlinkLinks(), cores),
                new DefaultThreadFactory("skyfleet-mavlink", true), NioIoHandler.newFactory());
        this.httpGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("skyfleet-http", true),
                NioIoHandler.newFactory());
        this.fanoutExecutor = Executors.newFixedThreadPool(Math.max(2, cores), new DefaultThreadFactory("skyfleet-fanout", true));
        this.fanoutTimer = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("skyfleet-fanout-timer", true));
        this.stateFanout = new StateFanout<>(bus, s -> TelemetryGrpcService.encodeState(s, clock), fanoutExecutor,
                fanoutTimer, stateFanoutMetrics);
        this.eventFanout = new EventFanout<>(bus, TelemetryGrpcService::encodeEvent, fanoutExecutor,
                new FanoutMetrics(meters, "events"), EVENT_QUEUE_CAPACITY);
        FleetGauges.register(meters, registry, stateFanout, eventFanout);
        // this.store, not the parameter: with a cluster it is the logged store, and incidents and the audit
        // must reach the durable log like everything else that must not be lost
        this.leases = new ControlLeases(clock, this.store.leases(), this.cluster == null ? null : this.cluster.sharedLeases());
        this.audit = new AuditJournal(clock, this.store.audit());
        this.geofences = new Geofences(this.store.zones());
        this.missionBook = new MissionBook(this.store.missions());
        if (this.cluster == null) { // shared: another node may be uploading; adoption fails an orphaned upload
            MissionRecovery.failInterruptedUploads(missionBook, audit, clock);
        }
    }

    /** Binds every endpoint and starts serving. */
    public static SkyfleetServer start(ServerConfig config, InstantSource clock) throws IOException, InterruptedException {
        return start(config, AutomationConfig.defaults(), clock);
    }

    /** Binds every endpoint and starts serving, with the automation configured. */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, InstantSource clock)
            throws IOException, InterruptedException {
        return start(config, automation, new InMemoryStore(), clock);
    }

    /**
     * Binds every endpoint and starts serving, keeping incidents, sightings, assignments, leases and the
     * audit journal in {@code store} (which the server closes): what was stored before a restart is back.
     */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, Store store, InstantSource clock)
            throws IOException, InterruptedException {
        return start(config, automation, store, clock, null);
    }

    /**
     * As {@link #start(ServerConfig, AutomationConfig, Store, InstantSource)}, sharing the fleet with the other
     * nodes on {@code cluster}'s NATS (null: on its own): it ingests the vehicles whose links it owns, sees
     * every other node's vehicles over the bus, and relays commands for them to their owners.
     */
    public static SkyfleetServer start(ServerConfig config, AutomationConfig automation, Store store, InstantSource clock,
                                       org.skyfleet.cluster.ClusterConfig cluster) throws IOException, InterruptedException {
        SkyfleetServer server;
        try {
            server = new SkyfleetServer(config, store, clock, cluster);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            server.bind(config, automation, clock);
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void bind(ServerConfig config, AutomationConfig automationConfig, InstantSource clock)
            throws IOException, InterruptedException {
        for (int i = 0; i < config.mavlinkLinks(); i++) {
            int port = config.mavlinkPort() == 0 ? 0 : config.mavlinkPort() + i;
            LinkConfig link = LinkConfig.defaults(config.mavlinkHost(), port)
                    .withHeartbeatTimeout(config.heartbeatTimeout())
                    .withSigning(config.signingKeys(), 0)
                    .withAdmission(config.admission());
            links.add(MavlinkUdpLink.bind(link, linkGroup, registry, clock, ingestMetrics,
                    cluster == null ? org.skyfleet.telemetry.link.LinkGate.ALL : cluster.gate()));
        }
        Map<String, VehicleCommands> commandsByLink = new HashMap<>();
        Map<String, MissionTransfer> transfersByLink = new HashMap<>();
        for (MavlinkUdpLink link : links) {
            VehicleLink vehicleLink = VehicleLink.of(link);
            commandsByLink.put(link.config().linkName(),
                    MavlinkVehicleCommands.forRegistry(vehicleLink, registry, CommandConfig.defaults()));
            transfersByLink.put(link.config().linkName(), new MavlinkMissionTransfer(vehicleLink, MISSION_TRANSFER));
        }
        VehicleCommands routed = new RoutedVehicleCommands(new LinkRoutes<>(commandsByLink));
        VehicleCommands commands = cluster == null ? routed : cluster.start(registry, routed, config.heartbeatTimeout());
        MissionTransfer localTransfers = new RoutedMissionTransfer(new LinkRoutes<>(transfersByLink));
        MissionTransfer transfers = cluster == null ? localTransfers : cluster.missionTransfers(localTransfers);
        missionControl = new MissionControl(registry, leases, commands, transfers, missionBook, audit, clock);
        if (cluster != null) {
            cluster.carryMissions(missionBook);
            cluster.shareZones(geofences);
            cluster.shareLeaseChanges(leases);
        }
        links.forEach(l -> l.addObserver(missionControl.progressObserver(missionProgress)));
        FenceUpload fenceUpload = new FenceUpload(geofences, registry, leases, transfers, audit, clock);
        missions = new MissionGrpcService(registry, missionControl, base -> ZoneAirspace.with(base, geofences.all(), clock.instant()),
                clock);
        enforcement = new GeofenceEnforcement(cluster == null ? bus : cluster.localBus(), geofences, registry, commands, leases, audit, clock, fanoutTimer,
                new FanoutMetrics(meters, "geofence"));
        FleetControl control = new FleetControl(registry, leases, commands,
                new CommandAirspaceCheck(() -> ZoneAirspace.with(Airspace.OPEN, geofences.all(), clock.instant())), new CommandLedger<>(clock, COMMAND_ID_RETENTION, 100_000,
                FleetControl::neverSent), audit, store.commands(), clock, COMMAND_ID_RETENTION);
        fanoutTimer.scheduleAtFixedRate(control::expireLeases, 1, 1, TimeUnit.SECONDS);
        RecordsContext recordsContext = new RecordsContext(clock, store, audit, registry, missionControl, commands, leases,
                automationConfig, () -> ZoneAirspace.with(Airspace.OPEN, geofences.all(), clock.instant()));
        if (cluster == null) {
            records = RecordsDomain.open(recordsContext);
        }
        // Each node records the vehicles whose links it owns; the others' come in over the bus and are theirs to record.
        recorder = new FleetRecorder(cluster == null ? bus : cluster.localBus(), store.vehicles(), store.positions(), clock, meters, Duration.ofSeconds(1));
        NettyServerBuilder grpcBuilder = NettyServerBuilder.forAddress(new InetSocketAddress(config.grpcHost(), config.grpcPort()));
        if (config.tls() != null) {
            grpcBuilder.sslContext(config.tls().serverContext());
        }
        leaderChannels = new LeaderChannels(config.tls());
        if (cluster == null) {
            records.services().forEach(grpcBuilder::addService);
        } else {
            RoutedRecordServices routedRecords = new RoutedRecordServices(this::recordsRoute, leaderChannels::get, cluster.nodeId(), meters);
            for (io.grpc.ServiceDescriptor s : List.of(IncidentServiceGrpc.getServiceDescriptor(),
                    SightingServiceGrpc.getServiceDescriptor(), DispatchServiceGrpc.getServiceDescriptor())) {
                grpcBuilder.addService(routedRecords.routed(s));
            }
        }
        grpc = grpcBuilder
                .addService(new FleetGrpcService(registry, clock, control, fenceUpload,
                        new PositionHistoryQuery(store.positions())))
                .addService(missions)
                .addService(new org.skyfleet.server.audit.AuditGrpcService(audit))
                .addService(new GeofenceGrpcService(geofences, clock, new ZoneDeletionGuard(missionBook, fenceUpload, geofences)))
                .addService(new TelemetryGrpcService(registry, stateFanout, eventFanout))
                .addService(ProtoReflectionServiceV1.newInstance())
                .addService(health.getHealthService())
                .intercept(new RoleInterceptor()) // runs second: it needs the caller the next one finds
                .intercept(new CallerInterceptor(config.tokens(), config.trustNamedCallers(), audit))
                .permitKeepAliveTime(10, TimeUnit.SECONDS)
                .build()
                .start();
        webhookTokens = config.tokens();
        if (cluster != null && automationConfig.webhookSecret() != null) {
            forwardedWebhook = new IncidentWebhook(this::createAtLeader, audit, automationConfig.webhookSecret());
        }
        Map<String, HttpHandler> posts = automationConfig.webhookSecret() == null ? Map.of()
                : Map.of(IncidentWebhook.PATH, this::incidentWebhook);
        console = new org.skyfleet.app.console.Console(bus, registry, config.tokens(), audit, clock,
                fanoutExecutor, fanoutTimer, new FanoutMetrics(meters, "console"), config.grpcHost(), grpc.getPort(),
                config.tls(), config.consoleTilesUrl(), httpHandlers);
        io.micrometer.core.instrument.Gauge.builder("skyfleet.subscribers", console.states(), StateFanout::subscriberCount)
                .tag("stream", "console").description("live subscribers").register(meters);
        http = HttpEndpoint.bind(config.httpHost(), config.httpPort(), httpGroup, meters::scrape, () -> !grpc.isShutdown(), posts,
                httpHandlers, console::install);
        if (cluster == null) {
            records.tracks().subscribe(console.alerts()::onTrack, snapshot -> { });
        } else {
            recordsLeadership = cluster.leadRecords(advertisedGrpc(config), store, guardedStore -> {
                RecordsDomain opened = RecordsDomain.open(recordsContext.withStore(guardedStore));
                opened.tracks().subscribe(console.alerts()::onTrack, snapshot -> { });
                return opened;
            });
            // the leader's console hears its own fusion directly; the others hear it over the bus
            cluster.followTracks(u -> {
                if (records().isEmpty()) {
                    console.alerts().onTrack(u);
                }
            });
        }
        health.setStatus("", HealthCheckResponse.ServingStatus.SERVING);
    }

    private RecordsRoute recordsRoute() {
        RecordsLeadership l = recordsLeadership;
        return l == null ? RecordsRoute.unavailable("node " + cluster.nodeId() + " is starting; retry shortly") : l.route();
    }

    /** The call-taking webhook: served by the records, here or, on a cluster node that does not lead them, at the leader. */
    private org.skyfleet.server.http.HttpReply incidentWebhook(io.netty.handler.codec.http.HttpHeaders headers, byte[] body) {
        if (cluster == null) {
            return records.webhook().orElseThrow().handle(headers, body);
        }
        RecordsRoute route = recordsRoute();
        if (route.isLocal()) {
            return route.local().webhook().orElseThrow().handle(headers, body);
        }
        return forwardedWebhook.handle(headers, body);
    }

    /**
     * An incident the webhook took on a node that does not lead the records, made by the leader: called as the
     * webhook's own caller, with a token this node issues for a minute (every node holds the token key), or by
     * name where named callers are trusted.
     */
    private org.skyfleet.proto.v1.IncidentResponse createAtLeader(org.skyfleet.proto.v1.CreateIncidentRequest request) {
        RecordsRoute route = recordsRoute();
        if (!route.isRemote()) {
            throw io.grpc.Status.UNAVAILABLE.withDescription(route.isLocal() ? "the records moved here while the call came in; retry"
                    : route.unavailableReason()).asRuntimeException();
        }
        io.grpc.Metadata caller = webhookTokens == null ? org.skyfleet.server.grpc.CallerInterceptor.headers("webhook", "automation")
                : org.skyfleet.server.grpc.CallerInterceptor.bearer(webhookTokens.issue("webhook", org.skyfleet.fleet.control.Operator.Role.AUTOMATION, Duration.ofMinutes(1)));
        return IncidentServiceGrpc.newBlockingStub(leaderChannels.get(route.leaderTarget()))
                .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(caller))
                .withDeadlineAfter(10, TimeUnit.SECONDS).createIncident(request);
    }


    private String advertisedGrpc(ServerConfig config) throws java.net.UnknownHostException {
        if (cluster.config().advertisedGrpc() != null) {
            return cluster.config().advertisedGrpc();
        }
        String host = config.grpcHost();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = java.net.InetAddress.getLocalHost().getHostName();
        }
        return host + ":" + grpc.getPort();
    }

    /**
     * The incident side as this node serves it: on a node of its own always; in a cluster while this node
     * leads the records.
     */
    public java.util.Optional<RecordsDomain> records() {
        if (cluster == null) {
            return java.util.Optional.of(records);
        }
        RecordsLeadership l = recordsLeadership;
        return l == null || !l.route().isLocal() ? java.util.Optional.empty() : java.util.Optional.of(l.route().local());
    }

    /** Every service the gRPC server has bound, for checks that must cover all of them. */
    public List<io.grpc.ServerServiceDefinition> grpcServices() {
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

    /** @throws IllegalStateException on a cluster node that does not lead the records */
    public IncidentBook incidents() {
        return leadingRecords().incidents();
    }

    /** @throws IllegalStateException on a cluster node that does not lead the records */
    public TrackFeed tracks() {
        return leadingRecords().tracks();
    }

    private RecordsDomain leadingRecords() {
        return records().orElseThrow(() -> new IllegalStateException("node " + cluster.nodeId() + " does not lead the records"));
    }

    public StateFanout<byte[]> stateFanout() {
        return stateFanout;
    }

    /** Every mission this node follows. */
    public MissionBook missions() {
        return missionBook;
    }

    /** The commander console served on the HTTP port. */
    public org.skyfleet.app.console.Console console() {
        return console;
    }

    /** This node's membership of a shared fleet, if it has one. */
    public java.util.Optional<org.skyfleet.cluster.ClusterNode> cluster() {
        return java.util.Optional.ofNullable(cluster);
    }

    @Override
    public void close() {
        health.enterTerminalState();
        if (grpc != null) {
            grpc.shutdownNow();
            try {
                grpc.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (missions != null) {
            missions.close();
        }
        missionProgress.shutdown();
        httpHandlers.shutdownNow();
        if (records != null) {
            records.close();
        }
        if (enforcement != null) {
            try {
                enforcement.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        links.forEach(MavlinkUdpLink::close);
        if (cluster != null) {
            cluster.close();  // after the links: releases their vehicles, and the records if it led them, to the other nodes
        }
        if (leaderChannels != null) {
            leaderChannels.close();
        }
        if (recorder != null) {
            recorder.close(); // writes the history still queued
        }
        if (http != null) {
            http.close();
        }
        if (console != null) {
            try {
                console.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        try {
            stateFanout.close();
            eventFanout.close();
        } catch (Exception e) {
            // closing anyway
        }
        fanoutExecutor.shutdownNow();
        fanoutTimer.shutdownNow();
        linkGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        httpGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        meters.close();
        try {
            store.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
