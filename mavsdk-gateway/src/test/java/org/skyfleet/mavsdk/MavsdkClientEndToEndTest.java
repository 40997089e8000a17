package org.skyfleet.mavsdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.mavsdk.action.Action;
import io.mavsdk.mission_raw.MissionRaw;
import io.mavsdk.telemetry.Telemetry;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.skyfleet.proto.v1.CreateZoneRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GeofenceCategory;
import org.skyfleet.proto.v1.GeofenceCircle;
import org.skyfleet.proto.v1.GeofenceZone;
import org.skyfleet.proto.v1.GeofenceZoneKind;
import org.skyfleet.proto.v1.StreamVehicleStatesRequest;
import org.skyfleet.proto.v1.StreamVehicleStatesResponse;

/**
 * MAVSDK-Java, the real client, flies a simulated PX4 drone through the gateway and a real SkyFleet server (ten times
 * real time): telemetry and connection, governed actions (a second pilot refused, a goto into a no-fly zone refused),
 * a 5-waypoint MissionRaw mission paused and started again, flown to the end, read back through the mission plugin, return and landing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MavsdkClientEndToEndTest {
    private static final double HOME_LAT = 51.5034;
    private static final double HOME_LON = -0.1276;
    private static final double HOME_AMSL_M = 20;
    private static final long WAIT_S = 60;

    private static SkyfleetChild skyfleet;
    private static MavsdkGateway pilotGateway;
    private static MavsdkGateway otherGateway;
    private static io.mavsdk.System drone;
    private static io.mavsdk.System otherPilot;

    @BeforeAll
    static void start() throws Exception {
        Path scenario = Path.of(MavsdkClientEndToEndTest.class.getResource("pad.json").toURI());
        skyfleet = new SkyfleetChild(scenario);
        // the vehicle appears once its first heartbeat is heard
        String vehicleId = awaitVehicle(skyfleet.tokens.get("pilot"));
        pilotGateway = MavsdkGateway.start("127.0.0.1", skyfleet.grpcPort, skyfleet.tokens.get("pilot"), "127.0.0.1", 0, List.of(vehicleId));
        otherGateway = MavsdkGateway.start("127.0.0.1", skyfleet.grpcPort, skyfleet.tokens.get("commander"), "127.0.0.1", 0, List.of(vehicleId));
        drone = new io.mavsdk.System("127.0.0.1", pilotGateway.portOf(vehicleId));
        otherPilot = new io.mavsdk.System("127.0.0.1", otherGateway.portOf(vehicleId));
    }

    /** The first vehicle SkyFleet streams a state of: the stream stays open until one is heard. */
    private static String awaitVehicle(String token) throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        try (var connection = new SkyfleetConnection("127.0.0.1", skyfleet.grpcPort)) {
            connection.telemetry(token).withDeadlineAfter(WAIT_S, TimeUnit.SECONDS).streamVehicleStates(
                    StreamVehicleStatesRequest.getDefaultInstance(), new StreamObserver<>() {
                        @Override
                        public void onNext(StreamVehicleStatesResponse response) {
                            response.getStatesList().stream().findFirst().ifPresent(s -> first.complete(s.getVehicleId()));
                        }

                        @Override
                        public void onError(Throwable t) {
                            first.completeExceptionally(new AssertionError("no vehicle appeared in SkyFleet", t));
                        }

                        @Override
                        public void onCompleted() {
                            first.completeExceptionally(new AssertionError("the state stream ended before any vehicle"));
                        }
                    });
            return first.get(WAIT_S, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (drone != null) {
            drone.dispose();
            otherPilot.dispose();
        }
        if (pilotGateway != null) {
            pilotGateway.close();
            otherGateway.close();
        }
        if (skyfleet != null) {
            skyfleet.close();
        }
    }

    @Test
    @Order(1)
    void telemetryAndConnectionFromSkyfleetsLiveState() {
        assertThat(drone.getCore().getConnectionState().filter(c -> c.getIsConnected()).timeout(WAIT_S, TimeUnit.SECONDS)
                .blockingFirst().getIsConnected()).isTrue();
        Telemetry t = drone.getTelemetry();
        Telemetry.Position home = t.getHome().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst();
        assertThat(home.getLatitudeDeg()).isCloseTo(HOME_LAT, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(home.getAbsoluteAltitudeM()).isCloseTo((float) HOME_AMSL_M, org.assertj.core.data.Offset.offset(1f));
        Telemetry.Position p = t.getPosition().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst();
        assertThat(p.getLongitudeDeg()).isCloseTo(HOME_LON, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(t.getBattery().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst().getRemainingPercent()).isBetween(0.5f, 1f);
        assertThat(t.getFlightMode().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst()).isNotNull();
        assertThat(t.getArmed().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst()).isFalse();
        assertThat(t.getInAir().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst()).isFalse();
        assertThat(t.getHealth().filter(h -> h.getIsArmable()).timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst().getIsHomePositionOk()).isTrue();
        assertThat(t.getAttitudeEuler().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst().getYawDeg()).isBetween(-360f, 360f);
    }

    @Test
    @Order(2)
    void actionsAreGovernedBySkyfleet() throws Exception {
        Action action = drone.getAction();
        action.setTakeoffAltitude(15f).blockingAwait();
        assertThat(action.getTakeoffAltitude().blockingGet()).isEqualTo(15f);
        action.arm().timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        action.takeoff().timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        drone.getTelemetry().getInAir().filter(a -> a).timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst();
        action.setMaximumSpeed(8f).timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();

        // the first pilot holds the lease: another token's client is refused, in MAVSDK's terms, naming the holder
        Action.ActionException refused = refusal(otherPilot.getAction().hold());
        assertThat(refused.getCode()).isEqualTo(Action.ActionResult.Result.COMMAND_DENIED);
        assertThat(refused.getDescription()).containsIgnoringCase("pilot");

        // a no-fly zone 300 m north: a goto into it is refused by SkyFleet's airspace check
        double zoneLat = HOME_LAT + 300 / 111_320.0;
        var connection = new SkyfleetConnection("127.0.0.1", skyfleet.grpcPort);
        try {
            connection.geofences(skyfleet.tokens.get("admin")).createZone(CreateZoneRequest.newBuilder().setZone(GeofenceZone.newBuilder()
                    .setZoneId("mavsdk-nofly").setKind(GeofenceZoneKind.GEOFENCE_ZONE_KIND_EXCLUSION)
                    .setCategory(GeofenceCategory.GEOFENCE_CATEGORY_TEMPORARY_RESTRICTION)
                    .setCircle(GeofenceCircle.newBuilder().setCentre(GeoPoint.newBuilder().setLatDeg(zoneLat).setLonDeg(HOME_LON))
                            .setRadiusM(50))).build());
            Action.ActionException intoZone = refusal(action.gotoLocation(zoneLat, HOME_LON, (float) (HOME_AMSL_M + 15), 0f));
            assertThat(intoZone.getCode()).isEqualTo(Action.ActionResult.Result.COMMAND_DENIED);
            assertThat(intoZone.getDescription()).contains("exclusion zone 'mavsdk-nofly'");
            System.out.println("refusals: [" + refused.getDescription() + "] [" + intoZone.getDescription() + "]");

            // SkyFleet's audit journal holds the MAVSDK client's commands under the pilot's name, the refusal too
            var audit = org.skyfleet.proto.v1.AuditServiceGrpc.newBlockingStub(connection.asCaller(skyfleet.tokens.get("admin")))
                    .listAuditEntries(org.skyfleet.proto.v1.ListAuditEntriesRequest.newBuilder().setLimit(10_000).build());
            assertThat(audit.getChainIntact()).isTrue();
            assertThat(audit.getEntriesList()).anySatisfy(e -> assertThat(e.getAction()).isEqualTo("command ARM"))
                    .anySatisfy(e -> assertThat(e.getResult()).contains("mavsdk-nofly"))
                    .filteredOn(e -> e.getAction().startsWith("command ")).allSatisfy(e -> assertThat(e.getActor()).contains("pilot"));
        } finally {
            connection.close();
        }

        // a goto clear of it is flown
        action.gotoLocation(HOME_LAT, HOME_LON + 60 / 69_400.0, (float) (HOME_AMSL_M + 15), 0f).timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
    }

    private static Action.ActionException refusal(io.reactivex.Completable call) {
        Throwable t = call.timeout(WAIT_S, TimeUnit.SECONDS).blockingGet();
        assertThat(t).isInstanceOf(Action.ActionException.class);
        return (Action.ActionException) t;
    }

    @Test
    @Order(3)
    void fiveWaypointMissionThroughMissionRawThenReturnAndLand() {
        MissionRaw missions = drone.getMissionRaw();
        List<MissionRaw.MissionItem> items = new ArrayList<>();
        double[][] offsetsM = {{40, 0}, {40, 40}, {0, 80}, {-40, 40}, {-40, 0}};
        for (int i = 0; i < offsetsM.length; i++) {
            int lat = (int) Math.round((HOME_LAT + offsetsM[i][0] / 111_320.0) * 1e7);
            int lon = (int) Math.round((HOME_LON + offsetsM[i][1] / 69_400.0) * 1e7);
            items.add(new MissionRaw.MissionItem(i, 6, 16, i == 0 ? 1 : 0, 1, 0f, 0f, 0f, Float.NaN, lat, lon, 15f, 0));
        }
        // an item SkyFleet does not fly is refused with the item named, and nothing is uploaded
        List<MissionRaw.MissionItem> withCamera = new ArrayList<>(items);
        withCamera.add(new MissionRaw.MissionItem(5, 2, 2000, 0, 1, 0f, 0f, 1f, 0f, 0, 0, 0f, 0));
        Throwable bad = missions.uploadMission(withCamera).timeout(WAIT_S, TimeUnit.SECONDS).blockingGet();
        assertThat(bad).isInstanceOf(MissionRaw.MissionRawException.class);
        assertThat(((MissionRaw.MissionRawException) bad).getCode()).isEqualTo(MissionRaw.MissionRawResult.Result.INVALID_ARGUMENT);
        assertThat(((MissionRaw.MissionRawException) bad).getDescription()).contains("item 5").contains("MAV_CMD 2000");

        missions.uploadMission(items).timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        assertThat(missions.downloadMission().timeout(WAIT_S, TimeUnit.SECONDS).blockingGet().stream().filter(it -> it.getCommand() == 16))
                .hasSize(5);
        var progress = missions.getMissionProgress().replay();
        progress.connect();
        missions.startMission().timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        // paused on the way and started again, as MAVSDK resumes
        // (a success is the vehicle's own acceptance, SkyFleet's mission moved to paused and back to flying)
        progress.filter(p -> p.getCurrent() >= 1).timeout(120, TimeUnit.SECONDS).blockingFirst();
        missions.pauseMission().timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        missions.startMission().timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        MissionRaw.MissionProgress done = progress.filter(p -> p.getTotal() > 0 && p.getCurrent() == p.getTotal())
                .timeout(120, TimeUnit.SECONDS).blockingFirst();
        assertThat(done.getTotal()).isGreaterThanOrEqualTo(5);
        // progress was watched item by item, never backwards
        List<Integer> seen = progress.takeUntil(p -> p.getCurrent() == p.getTotal()).map(MissionRaw.MissionProgress::getCurrent)
                .toList().blockingGet();
        assertThat(seen).isSorted();
        assertThat(seen.stream().distinct().count()).isGreaterThanOrEqualTo(4);

        // the mission plugin sees the same SkyFleet mission: finished, its five positions read back as a plan
        assertThat(drone.getMission().isMissionFinished().timeout(WAIT_S, TimeUnit.SECONDS).blockingGet()).isTrue();
        assertThat(drone.getMission().downloadMission().timeout(WAIT_S, TimeUnit.SECONDS).blockingGet().getMissionItems())
                .hasSize(5).allSatisfy(it -> assertThat(it.getRelativeAltitudeM()).isEqualTo(15f));

        drone.getAction().returnToLaunch().timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        drone.getTelemetry().getInAir().filter(a -> !a).timeout(120, TimeUnit.SECONDS).blockingFirst();
        Telemetry.Position landed = drone.getTelemetry().getPosition().timeout(WAIT_S, TimeUnit.SECONDS).blockingFirst();
        assertThat(landed.getLatitudeDeg()).isCloseTo(HOME_LAT, org.assertj.core.data.Offset.offset(2e-4));

        missions.clearMission().timeout(WAIT_S, TimeUnit.SECONDS).blockingAwait();
        Throwable none = missions.downloadMission().timeout(WAIT_S, TimeUnit.SECONDS).ignoreElement().blockingGet();
        assertThat(none).isInstanceOf(MissionRaw.MissionRawException.class);
        assertThat(((MissionRaw.MissionRawException) none).getCode()).isEqualTo(MissionRaw.MissionRawResult.Result.NO_MISSION_AVAILABLE);
    }
}
