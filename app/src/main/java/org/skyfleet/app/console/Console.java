package org.skyfleet.app.console;

import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.bus.FleetBus;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.proto.v1.DispatchServiceGrpc;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.MissionServiceGrpc;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.server.auth.MutualTls;
import org.skyfleet.server.auth.RefusalTally;
import org.skyfleet.server.auth.TokenAuthority;
import org.skyfleet.telemetry.fanout.FanoutMetrics;
import org.skyfleet.telemetry.fanout.StateFanout;

/**
 * The commander console, put together: its own state fan-out on the fleet bus (the same fan-out class,
 * conflation and flow control as the gRPC streams, encoding each state once as the console's JSON), the
 * alert log, the JSON bridge to gRPC, and the handlers it adds to each HTTP connection.
 */
public final class Console implements AutoCloseable {
    public static final String LIVE_PATH = "/api/v1/console/live";
    /** A browser redraws at most once a frame; four states a second per vehicle move a marker smoothly. */
    static final double MAX_RATE_HZ = 4;
    private static final int ALERTS_KEPT = 500;
    /**
     * The unary methods the console uses; everything else stays gRPC-only. Who may call each is not kept
     * here: the bridge asks the gRPC role table ({@link org.skyfleet.server.grpc.RpcRoles}).
     */
    static final Set<String> OPEN_METHODS = Set.of(
            "skyfleet.v1.FleetService/ListVehicles",
            "skyfleet.v1.FleetService/GetControl",
            "skyfleet.v1.FleetService/AcquireControl",
            "skyfleet.v1.FleetService/ReleaseControl",
            "skyfleet.v1.FleetService/TakeOverControl",
            "skyfleet.v1.FleetService/SendCommand",
            "skyfleet.v1.MissionService/GetMission",
            "skyfleet.v1.MissionService/UploadMission",
            "skyfleet.v1.MissionService/StartMission",
            "skyfleet.v1.MissionService/PauseMission",
            "skyfleet.v1.MissionService/ResumeMission",
            "skyfleet.v1.MissionService/AbortMission",
            "skyfleet.v1.MissionService/LaunchMissions",
            "skyfleet.v1.FleetService/ConfirmLinkClaim",
            "skyfleet.v1.AircraftService/ListVehicleAirframes",
            "skyfleet.v1.GeofenceService/ListZones",
            "skyfleet.v1.MissionService/PlanMission",
            "skyfleet.v1.MissionService/CreateMission",
            "skyfleet.v1.MissionService/ApproveMission",
            "skyfleet.v1.MissionService/ListMissions",
            "skyfleet.v1.IncidentService/ListIncidents",
            "skyfleet.v1.IncidentService/GetSearchMap",
            "skyfleet.v1.IncidentService/ApproveSearch",
            "skyfleet.v1.IncidentService/RejectSearch",
            "skyfleet.v1.SightingService/ListTracks",
            "skyfleet.v1.DispatchService/ListUnits",
            "skyfleet.v1.DispatchService/ListAssignments",
            "skyfleet.v1.VesselService/ListVessels",
            "skyfleet.v1.ResponseService/GetTimeToScene",
            "skyfleet.v1.GateService/ListGates",
            "skyfleet.v1.RobotService/ListRobots",
            "skyfleet.v1.RobotService/PairRobot",
            "skyfleet.v1.RobotService/UnpairRobot",
            "skyfleet.v1.ReplayService/GetIncidentReplay",
            "skyfleet.v1.ReplayService/GetMissionReplay");

    private final VehicleRegistry registry;
    private final StaticFiles files = StaticFiles.console();
    private final ConsoleAuth auth;
    private final AlertLog alerts;
    private final StateFanout<String> states;
    private final RpcBridge rpc;
    private final String settingsJson;
    private final AutoCloseable busEvents;
    private final Executor blocking;
    private final Duration signInWithin;
    private final ResponseHeaders headers;
    private final org.skyfleet.app.tiles.TilePackages tilePackages;

    /**
     * @param grpcHost  where this server's gRPC listens (0.0.0.0 is reached on loopback)
     * @param grpcTls   the gRPC port's mutual TLS, or null: the bridge then shows the server's own certificate
     * @param tilesUrl  a tile server URL template ({z}/{x}/{y}), or null for the offline plain background
     * @param site      the console's time zone and offline map packages
     * @param blocking  runs what may block (sign-in checks and acknowledgements write the audit journal)
     * @param signInWithin how long a live feed socket may take to sign in after its upgrade
     */
    public Console(FleetBus bus, VehicleRegistry registry, TokenAuthority tokens, AuditJournal audit, RefusalTally refusals,
                   InstantSource clock, Executor drainExecutor, ScheduledExecutorService timer, FanoutMetrics metrics,
                   String grpcHost, int grpcPort, MutualTls grpcTls, String tilesUrl, ConsoleSite site, Executor blocking,
                   Duration signInWithin) {
        this.registry = registry;
        this.signInWithin = signInWithin;
        this.headers = ResponseHeaders.forConsole(tilesUrl);
        this.blocking = blocking;
        this.auth = new ConsoleAuth(tokens, refusals);
        this.alerts = new AlertLog(clock, audit, ALERTS_KEPT);
        this.busEvents = bus.subscribeEvents(alerts::onEvent);
        this.states = new StateFanout<>(bus, s -> VehicleJson.encode(s, clock), drainExecutor, timer, metrics);
        String host = grpcHost.equals("0.0.0.0") || grpcHost.equals("::") ? "127.0.0.1" : grpcHost;
        NettyChannelBuilder toGrpc = NettyChannelBuilder.forAddress(host, grpcPort);
        if (grpcTls != null) {
            toGrpc.sslContext(grpcTls.clientContext()); // the server's certificate must name its gRPC host
        } else {
            toGrpc.usePlaintext();
        }
        this.rpc = new RpcBridge(toGrpc.build(),
                List.of(FleetServiceGrpc.getServiceDescriptor(), GeofenceServiceGrpc.getServiceDescriptor(),
                        MissionServiceGrpc.getServiceDescriptor(), IncidentServiceGrpc.getServiceDescriptor(),
                        SightingServiceGrpc.getServiceDescriptor(), DispatchServiceGrpc.getServiceDescriptor(),
                        org.skyfleet.proto.v1.VesselServiceGrpc.getServiceDescriptor(),
                        org.skyfleet.proto.v1.AircraftServiceGrpc.getServiceDescriptor(),
                        org.skyfleet.proto.v1.GateServiceGrpc.getServiceDescriptor(),
                        org.skyfleet.proto.v1.RobotServiceGrpc.getServiceDescriptor(),
                        org.skyfleet.proto.v1.ResponseServiceGrpc.getServiceDescriptor(),
                        org.skyfleet.proto.v1.ReplayServiceGrpc.getServiceDescriptor()),
                OPEN_METHODS);
        this.tilePackages = site.tilePackages() == null ? org.skyfleet.app.tiles.TilePackages.none()
                : org.skyfleet.app.tiles.TilePackages.open(site.tilePackages());
        this.settingsJson = new JsonObject().str("tilesUrl", tilesUrl).str("livePath", LIVE_PATH)
                .str("timeZone", site.timeZone().getId()).raw("basemaps", basemaps(tilesUrl, site, tilePackages))
                .raw("home", site.home() == null ? "null" : new JsonObject().num("lat_deg", site.home().latDeg())
                        .num("lon_deg", site.home().lonDeg()).end()).end();
    }

    /**
     * The maps the console may draw under its layers, each with the datum its tiles are drawn in: the server's
     * tile packages (raster ones shown as images, vector ones, format {@code pbf}, drawn by the console from
     * their features), then the external tile server if one is configured. The console converts what it draws
     * into the chosen one's datum.
     */
    private static String basemaps(String tilesUrl, ConsoleSite site, org.skyfleet.app.tiles.TilePackages packages) {
        java.util.List<String> maps = new java.util.ArrayList<>();
        for (var e : packages.all()) {
            var info = e.getValue().info();
            maps.add(new JsonObject().str("id", e.getKey()).str("name", info.name())
                    .str("url", TileRoutes.PREFIX + e.getKey() + "/{z}/{x}/{y}." + info.format()).str("format", info.format())
                    .str("datum", info.datum().name()).num("minZoom", (long) info.minZoom()).num("maxZoom", (long) info.maxZoom())
                    .raw("bounds", java.util.Arrays.toString(info.boundsDeg()))
                    .str("attribution", info.attribution()).end());
        }
        if (tilesUrl != null) {
            String host = ResponseHeaders.tileSource(tilesUrl);
            maps.add(new JsonObject().str("id", "external").str("name", host == null ? "tiles" : host).str("url", tilesUrl)
                    .str("datum", site.tilesDatum().name()).num("minZoom", 0L).num("maxZoom", 19L)
                    .str("attribution", host == null ? "" : host).end());
        }
        return "[" + String.join(",", maps) + "]";
    }

    /** Adds the console's handlers to a new HTTP connection's pipeline (after the codec and aggregator). */
    public void install(ChannelPipeline pipeline) {
        pipeline.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                        .websocketPath(LIVE_PATH).checkStartsWith(true).maxFramePayloadLength(16 * 1024).build()),
                new LiveFeedHandler(auth, alerts, session -> states.subscribe(s -> true, MAX_RATE_HZ, session, registry.all()),
                        blocking, signInWithin),
                new TileRoutes(tilePackages, blocking, headers),
                new ConsoleRoutes(files, auth, alerts, rpc, settingsJson, blocking, headers));
    }

    public AlertLog alerts() {
        return alerts;
    }

    public StateFanout<String> states() {
        return states;
    }

    @Override
    public void close() throws Exception {
        busEvents.close();
        states.close();
        rpc.close();
        tilePackages.close();
    }
}
