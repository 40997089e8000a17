package org.skyfleet.server.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.server.GrpcAssert.assertStatus;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.geofence.InMemoryZoneStore;
import org.skyfleet.proto.v1.CheckRouteRequest;
import org.skyfleet.proto.v1.CheckRouteResponse;
import org.skyfleet.proto.v1.CreateZoneRequest;
import org.skyfleet.proto.v1.DeleteZoneRequest;
import org.skyfleet.proto.v1.ExportGeoJsonRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GeofenceAltitudeReference;
import org.skyfleet.proto.v1.GeofenceBreachPolicy;
import org.skyfleet.proto.v1.GeofenceBreachReason;
import org.skyfleet.proto.v1.GeofenceCategory;
import org.skyfleet.proto.v1.GeofenceCircle;
import org.skyfleet.proto.v1.GeofenceSchedule;
import org.skyfleet.proto.v1.GeofenceServiceGrpc;
import org.skyfleet.proto.v1.GeofenceWeeklyWindow;
import org.skyfleet.proto.v1.GeofenceZone;
import org.skyfleet.proto.v1.GeofenceZoneKind;
import org.skyfleet.proto.v1.GetZoneRequest;
import org.skyfleet.proto.v1.ImportGeoJsonRequest;
import org.skyfleet.proto.v1.ListZonesRequest;
import org.skyfleet.proto.v1.Polygon;
import org.skyfleet.proto.v1.RouteCheckWaypoint;
import org.skyfleet.proto.v1.UpdateZoneRequest;
import org.skyfleet.proto.v1.VehicleType;

/** GeofenceService through in-process gRPC over an in-memory store. */
class GeofenceGrpcServiceTest {
    private static final double LAT = 51.5034;
    private static final double LON = -0.1276;
    private static final Instant NOON_FRIDAY = Instant.parse("2026-11-27T12:00:00Z");
    private static final Instant EVENING_FRIDAY = Instant.parse("2026-11-27T19:00:00Z");

    private Server server;
    private ManagedChannel channel;
    private GeofenceServiceGrpc.GeofenceServiceBlockingStub stub;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        GeofenceGrpcService service = new GeofenceGrpcService(new Geofences(new InMemoryZoneStore()),
                InstantSource.fixed(NOON_FRIDAY));
        server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        stub = GeofenceServiceGrpc.newBlockingStub(channel).withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(org.skyfleet.server.grpc.CallerInterceptor.headers("ada", "admin")));
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    private static GeoPoint at(double northM, double eastM) {
        return GeoPoint.newBuilder().setLatDeg(LAT + northM / 111_320.0)
                .setLonDeg(LON + eastM / (111_320.0 * Math.cos(Math.toRadians(LAT)))).build();
    }

    private static GeofenceZone.Builder square(String id, double southM, double westM, double sideM) {
        return GeofenceZone.newBuilder().setZoneId(id).setName("Stadium")
                .setPolygon(Polygon.newBuilder().addOuter(at(southM, westM)).addOuter(at(southM, westM + sideM))
                        .addOuter(at(southM + sideM, westM + sideM)).addOuter(at(southM + sideM, westM)))
                .setKind(GeofenceZoneKind.GEOFENCE_ZONE_KIND_EXCLUSION)
                .setAltitudeReference(GeofenceAltitudeReference.GEOFENCE_ALTITUDE_REFERENCE_RELATIVE_TO_HOME)
                .setCategory(GeofenceCategory.GEOFENCE_CATEGORY_CROWD_EVENT)
                .setBreachPolicy(GeofenceBreachPolicy.GEOFENCE_BREACH_POLICY_HOLD);
    }

    private static RouteCheckWaypoint wp(double northM, double eastM, double altRelM) {
        GeoPoint p = at(northM, eastM);
        return RouteCheckWaypoint.newBuilder().setLatDeg(p.getLatDeg()).setLonDeg(p.getLonDeg()).setAltRelM(altRelM).build();
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).build();
    }

    @Test
    void createdZoneIsReturnedListedAndDeleted() {
        GeofenceZone z = square("stadium", 0, 400, 200).setFloorM(0).setCeilingM(120)
                .addVehicleTypes(VehicleType.VEHICLE_TYPE_MULTICOPTER).build();

        assertThat(stub.createZone(CreateZoneRequest.newBuilder().setZone(z).build()).getZone()).isEqualTo(z);
        assertThat(stub.getZone(GetZoneRequest.newBuilder().setZoneId("stadium").build()).getZone()).isEqualTo(z);
        assertThat(stub.listZones(ListZonesRequest.getDefaultInstance()).getZonesList()).containsExactly(z);

        stub.deleteZone(DeleteZoneRequest.newBuilder().setZoneId("stadium").build());
        assertStatus(() -> stub.getZone(GetZoneRequest.newBuilder().setZoneId("stadium").build()),
                Status.Code.NOT_FOUND, "no zone 'stadium'");
        assertStatus(() -> stub.deleteZone(DeleteZoneRequest.newBuilder().setZoneId("stadium").build()),
                Status.Code.NOT_FOUND, "no zone 'stadium'");
    }

    @Test
    void invalidZoneListsEveryBrokenRule() {
        GeofenceZone bad = square("bad", 0, 0, 100).setFloorM(120).setCeilingM(100).setSchedule(
                GeofenceSchedule.newBuilder().setWeekly(GeofenceWeeklyWindow.newBuilder().addIsoDays(5)
                        .setStartLocal("18:00").setEndLocal("23:00").setTimeZone("Mars/Olympus"))).build();

        assertStatus(() -> stub.createZone(CreateZoneRequest.newBuilder().setZone(bad).build()), Status.Code.INVALID_ARGUMENT,
                "FLOOR_BELOW_CEILING (zone bad): floor 120.0 m is not below ceiling 100.0 m");
        assertStatus(() -> stub.createZone(CreateZoneRequest.newBuilder().setZone(bad).build()), Status.Code.INVALID_ARGUMENT,
                "TIME_ZONE_KNOWN (zone bad): unknown time zone 'Mars/Olympus'");
        assertStatus(() -> stub.createZone(CreateZoneRequest.newBuilder().setZone(square("c", 0, 0, 100)
                .setCircle(GeofenceCircle.newBuilder().setCentre(at(0, 0)).setRadiusM(0))).build()),
                Status.Code.INVALID_ARGUMENT, "circle radius must be above 0 m");
        assertStatus(() -> stub.createZone(CreateZoneRequest.newBuilder().setZone(square("k", 0, 0, 100)
                .setKind(GeofenceZoneKind.GEOFENCE_ZONE_KIND_UNSPECIFIED)).build()),
                Status.Code.INVALID_ARGUMENT, "needs a kind");
        assertStatus(() -> stub.createZone(CreateZoneRequest.newBuilder().setZone(square("t", 0, 0, 100).setSchedule(
                GeofenceSchedule.newBuilder().setWeekly(GeofenceWeeklyWindow.newBuilder().addIsoDays(5)
                        .setStartLocal("6pm").setEndLocal("23:00").setTimeZone("UTC")))).build()),
                Status.Code.INVALID_ARGUMENT, "start_local '6pm' is not a local time HH:MM");
        assertThat(stub.listZones(ListZonesRequest.getDefaultInstance()).getZonesCount()).isZero();
    }

    @Test
    void idIsTakenOnceAndOnlyExistingZonesUpdate() {
        stub.createZone(CreateZoneRequest.newBuilder().setZone(square("s", 0, 0, 100)).build());
        assertStatus(() -> stub.createZone(CreateZoneRequest.newBuilder().setZone(square("s", 0, 0, 100)).build()),
                Status.Code.ALREADY_EXISTS, "zone 's' already exists");
        assertStatus(() -> stub.updateZone(UpdateZoneRequest.newBuilder().setZone(square("other", 0, 0, 100)).build()),
                Status.Code.NOT_FOUND, "no zone 'other'");
        assertThat(stub.updateZone(UpdateZoneRequest.newBuilder().setZone(square("s", 0, 0, 300)).build())
                .getZone().getPolygon().getOuter(1)).isEqualTo(at(0, 300));
    }

    @Test
    void routeCheckSaysWhereAndIsScheduleAware() {
        stub.createZone(CreateZoneRequest.newBuilder().setZone(square("evening", -100, 400, 200).setSchedule(
                GeofenceSchedule.newBuilder().setWeekly(GeofenceWeeklyWindow.newBuilder().addIsoDays(5)
                        .setStartLocal("18:00").setEndLocal("23:00").setTimeZone("Europe/London")))).build());
        CheckRouteRequest.Builder route = CheckRouteRequest.newBuilder().addWaypoints(wp(0, 0, 50)).addWaypoints(wp(0, 1000, 50))
                .setVehicleType(VehicleType.VEHICLE_TYPE_MULTICOPTER);

        assertThat(stub.checkRoute(route.build()).getClear()).as("server clock: Friday noon").isTrue();
        CheckRouteResponse evening = stub.checkRoute(route.setAt(ts(EVENING_FRIDAY)).build());
        assertThat(evening.getClear()).isFalse();
        assertThat(evening.getBreachesList()).singleElement().satisfies(b -> {
            assertThat(b.getLegIndex()).isZero();
            assertThat(b.getZoneId()).isEqualTo("evening");
            assertThat(b.getReason()).isEqualTo(GeofenceBreachReason.GEOFENCE_BREACH_REASON_INSIDE_EXCLUSION);
            assertThat(b.getDistanceAlongLegM()).isBetween(399.0, 401.0);
            assertThat(b.getMessage()).contains("inside no-fly zone 'Stadium' (evening)");
        });
        assertThat(stub.listZones(ListZonesRequest.newBuilder().setActiveAt(ts(NOON_FRIDAY)).build()).getZonesCount()).isZero();
        assertThat(stub.listZones(ListZonesRequest.newBuilder().setActiveAt(ts(EVENING_FRIDAY)).build()).getZonesCount()).isOne();
        assertStatus(() -> stub.checkRoute(CheckRouteRequest.newBuilder().addWaypoints(
                RouteCheckWaypoint.newBuilder().setLatDeg(91)).build()), Status.Code.INVALID_ARGUMENT, "waypoint 0");
    }

    @Test
    void geoJsonExportImportsBackToTheSameZones() {
        GeofenceZone polygon = square("stadium", 0, 400, 200).setFloorM(0).setCeilingM(120).addVehicleIds("d7")
                .setSchedule(GeofenceSchedule.newBuilder().setWeekly(GeofenceWeeklyWindow.newBuilder().addIsoDays(5)
                        .addIsoDays(6).setStartLocal("18:00").setEndLocal("23:00").setTimeZone("Europe/London"))).build();
        GeofenceZone circle = GeofenceZone.newBuilder().setZoneId("prison").setName("HMP")
                .setCircle(GeofenceCircle.newBuilder().setCentre(at(2000, 0)).setRadiusM(400))
                .setKind(GeofenceZoneKind.GEOFENCE_ZONE_KIND_EXCLUSION).setCategory(GeofenceCategory.GEOFENCE_CATEGORY_PRISON)
                .setAltitudeReference(GeofenceAltitudeReference.GEOFENCE_ALTITUDE_REFERENCE_AMSL).setCeilingM(300)
                .setBreachPolicy(GeofenceBreachPolicy.GEOFENCE_BREACH_POLICY_RETURN_TO_LAUNCH).build();
        stub.createZone(CreateZoneRequest.newBuilder().setZone(polygon).build());
        stub.createZone(CreateZoneRequest.newBuilder().setZone(circle).build());
        String geojson = stub.exportGeoJson(ExportGeoJsonRequest.getDefaultInstance()).getGeojson();
        stub.deleteZone(DeleteZoneRequest.newBuilder().setZoneId("stadium").build());
        stub.deleteZone(DeleteZoneRequest.newBuilder().setZoneId("prison").build());

        assertThat(stub.importGeoJson(ImportGeoJsonRequest.newBuilder().setGeojson(geojson).build()).getZoneIdsList())
                .containsExactly("prison", "stadium");
        List<GeofenceZone> back = stub.listZones(ListZonesRequest.getDefaultInstance()).getZonesList();
        assertThat(back.get(0)).isEqualTo(circle);
        assertThat(back.get(1).toBuilder().setPolygon(polygon.getPolygon()).build()).isEqualTo(polygon);
        assertThat(back.get(1).getPolygon().getOuterList()).startsWith(polygon.getPolygon().getOuterList().toArray(GeoPoint[]::new));
    }

    @Test
    void geoJsonImportIsAllOrNothingAndSaysWhatIsWrong() {
        assertStatus(() -> stub.importGeoJson(ImportGeoJsonRequest.newBuilder().setGeojson("{not json").build()),
                Status.Code.INVALID_ARGUMENT, "GeoJSON import: not JSON");
        String oneBad = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.1276, 51.5034]},
                   "properties": {"id": "ok", "kind": "EXCLUSION", "category": "AIRPORT", "radiusM": 500}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-0.1276, 51.5034]},
                   "properties": {"id": "neg", "kind": "EXCLUSION", "category": "AIRPORT", "radiusM": -5}}]}""";
        assertStatus(() -> stub.importGeoJson(ImportGeoJsonRequest.newBuilder().setGeojson(oneBad).build()),
                Status.Code.INVALID_ARGUMENT, "CIRCLE_RADIUS_POSITIVE (zone neg)");
        assertStatus(() -> stub.importGeoJson(ImportGeoJsonRequest.newBuilder().setGeojson(oneBad.replace("\"AIRPORT\", \"radiusM\": -5", "\"ZOO\", \"radiusM\": 5")).build()),
                Status.Code.INVALID_ARGUMENT, "feature 1 (id neg): category 'ZOO' is not one of");
        assertThat(stub.listZones(ListZonesRequest.getDefaultInstance()).getZonesCount()).isZero();
    }
}
