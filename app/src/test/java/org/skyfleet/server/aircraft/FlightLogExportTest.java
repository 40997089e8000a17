package org.skyfleet.server.aircraft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.proto.v1.AcquireControlRequest;
import org.skyfleet.proto.v1.AircraftServiceGrpc;
import org.skyfleet.proto.v1.AirframeProfile;
import org.skyfleet.proto.v1.AirframeType;
import org.skyfleet.proto.v1.BindVehicleAirframeRequest;
import org.skyfleet.proto.v1.CreateAirframeProfileRequest;
import org.skyfleet.proto.v1.ExportFlightGeoJsonRequest;
import org.skyfleet.proto.v1.ExportFlightsCsvRequest;
import org.skyfleet.proto.v1.Flight;
import org.skyfleet.proto.v1.FleetServiceGrpc;
import org.skyfleet.proto.v1.GeoPosition;
import org.skyfleet.proto.v1.GetFlightTotalsRequest;
import org.skyfleet.proto.v1.ListFlightsRequest;
import org.skyfleet.proto.v1.ListVehicleAirframesRequest;
import org.skyfleet.proto.v1.RecordMaintenanceRequest;
import org.skyfleet.proto.v1.SendCommandRequest;
import org.skyfleet.server.Await;
import org.skyfleet.server.GrpcAssert;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.scenario.Scenario;

/**
 * A pilot flies one of the scenario's drones (10 times faster than real time): take off, fly 150 m north,
 * land. The flight is in the log with who flew it, its airframe, distance, height and battery; it exports as
 * CSV and as a GeoJSON track; the totals count it per airframe and pilot; and, its profile asking for
 * maintenance after every flight, the console raises MAINTENANCE_DUE until maintenance is recorded.
 */
class FlightLogExportTest {
    private static SkyfleetServer server;
    private static Simulation sim;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral().withMavlinkSourceRate(20_000), InstantSource.system());
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        String json = Files.readString(Path.of("../scenarios/missing-person-forested-hill.json"))
                .replace("\"timeScale\": 1,", "\"timeScale\": 10,")
                .replace("\"lostLinkTimeoutS\": 30", "\"lostLinkTimeoutS\": 300");
        sim = Simulation.start(Scenario.parse(json), new InetSocketAddress("127.0.0.1", server.mavlinkAddress().getPort()));
        Await.until(Duration.ofSeconds(30), "four drones with a home position",
                () -> server.registry().all().stream().filter(s -> s.home() != null && s.battery() != null).count() == 4);
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
        channel.shutdownNow();
        server.close();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    @Test
    void aFlightIsLoggedExportedAsCsvAndGeoJsonTotalledAndMakesMaintenanceDue() throws Exception {
        String drone = server.registry().all().stream().map(s -> s.vehicleId()).sorted().findFirst().orElseThrow();
        var aircraft = as(AircraftServiceGrpc.newBlockingStub(channel), "pat", "pilot");
        aircraft.createAirframeProfile(CreateAirframeProfileRequest.newBuilder().setProfile(AirframeProfile.newBuilder()
                .setProfileId("quad").setModel("survey quad, \"thermal\"").setType(AirframeType.AIRFRAME_TYPE_MULTICOPTER)
                .setCruiseSpeedMS(8).setMaxSpeedMS(15).setClimbRateMS(3).setRatedEnduranceS(1500).setWindLimitMS(12)
                .setMaintenanceIntervalFlights(1)).build());
        aircraft.bindVehicleAirframe(BindVehicleAirframeRequest.newBuilder().setVehicleId(drone).setProfileId("quad").build());

        var fleet = as(FleetServiceGrpc.newBlockingStub(channel), "pat", "pilot");
        fleet.acquireControl(AcquireControlRequest.newBuilder().setVehicleId(drone).setTtlS(300).build());
        fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("arm").setVehicleId(drone).setArm(SendCommandRequest.Arm.getDefaultInstance()).build());
        fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("up").setVehicleId(drone)
                .setTakeoff(SendCommandRequest.Takeoff.newBuilder().setAltRelM(25)).build());
        Await.until(Duration.ofSeconds(30), "the drone at 20 m", () -> server.registry().find(drone).orElseThrow().position().altRelM() > 20);
        var home = server.registry().find(drone).orElseThrow().home();
        fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("north").setVehicleId(drone).setGoTo(SendCommandRequest.GoTo.newBuilder()
                .setTarget(GeoPosition.newBuilder().setLatDeg(home.latDeg() + 150 / 111_320.0).setLonDeg(home.lonDeg()).setAltRelM(25))).build());
        Await.until(Duration.ofSeconds(30), "the drone 140 m north", () -> (server.registry().find(drone).orElseThrow().position().latDeg()
                - home.latDeg()) * 111_320 > 140);
        fleet.sendCommand(SendCommandRequest.newBuilder().setCommandId("down").setVehicleId(drone).setLand(SendCommandRequest.Land.getDefaultInstance()).build());
        Await.until(Duration.ofSeconds(60), "the flight in the log", () -> !aircraft.listFlights(ListFlightsRequest.newBuilder()
                .setVehicleId(drone).build()).getFlightsList().isEmpty());

        Flight f = aircraft.listFlights(ListFlightsRequest.newBuilder().setVehicleId(drone).build()).getFlights(0);
        assertThat(f.getFlownBy()).isEqualTo("pat (pilot)");
        assertThat(f.getProfileId()).isEqualTo("quad");
        assertThat(f.getDistanceM()).isBetween(140.0, 400.0);
        assertThat(f.getMaxAltRelM()).isBetween(20.0, 30.0);
        assertThat(f.getBatteryStartPercent()).isGreaterThan(f.getBatteryEndPercent());
        assertThat(f.getDurationS()).isPositive();

        String csv = aircraft.exportFlightsCsv(ExportFlightsCsvRequest.newBuilder().setVehicleId(drone).build()).getCsv();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("flight_id,vehicle_id,airframe_profile,battery_pack,flown_by,mission_id,incident_id,takeoff_utc");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(f.getFlightId() + "," + drone + ",quad,").contains(",pat (pilot),");
        assertThat(csv).contains("\r\n");

        JsonNode geo = new ObjectMapper().readTree(aircraft.exportFlightGeoJson(ExportFlightGeoJsonRequest.newBuilder()
                .setFlightId(f.getFlightId()).build()).getGeojson());
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode line = geo.get("features").get(0);
        assertThat(line.get("geometry").get("type").asText()).isEqualTo("LineString");
        JsonNode coordinates = line.get("geometry").get("coordinates");
        assertThat(coordinates.size()).isGreaterThan(3).isEqualTo((int) f.getTrackPoints());
        // RFC 7946 order: longitude, latitude, then altitude
        assertThat(coordinates.get(0).get(0).asDouble()).isCloseTo(home.lonDeg(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(coordinates.get(0).get(1).asDouble()).isCloseTo(home.latDeg(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(line.get("properties").get("flown_by").asText()).isEqualTo("pat (pilot)");
        GrpcAssert.assertStatus(() -> aircraft.exportFlightGeoJson(ExportFlightGeoJsonRequest.newBuilder().setFlightId("f-nope").build()),
                Status.Code.NOT_FOUND, "flight 'f-nope' does not exist");
        GrpcAssert.assertStatus(() -> aircraft.listFlights(ListFlightsRequest.newBuilder().setLimit(10_001).build()),
                Status.Code.INVALID_ARGUMENT, "limit 10001 must be 1..10000");

        var totals = aircraft.getFlightTotals(GetFlightTotalsRequest.getDefaultInstance());
        assertThat(totals.getByAirframeList()).anySatisfy(t -> {
            assertThat(t.getKey()).isEqualTo("quad");
            assertThat(t.getFlights()).isEqualTo(1);
        });
        assertThat(totals.getByPilotList()).anySatisfy(t -> assertThat(t.getKey()).isEqualTo("pat (pilot)"));

        // its profile wants maintenance after every flight: due, and raised on the console
        Await.until(Duration.ofSeconds(10), "maintenance due", () -> !vehicle(aircraft, drone).getMaintenanceDue().isEmpty());
        assertThat(vehicle(aircraft, drone).getMaintenanceDue()).contains("1 flights since its first flight, the interval of quad is 1 flights");
        assertThat(server.console().alerts().since(0, 1000).changes()).anyMatch(c -> c.contains("MAINTENANCE_DUE") && c.contains(drone));
        GrpcAssert.assertStatus(() -> aircraft.recordMaintenance(RecordMaintenanceRequest.newBuilder().setVehicleId(drone).build()),
                Status.Code.INVALID_ARGUMENT, "a note of what was done is required");
        aircraft.recordMaintenance(RecordMaintenanceRequest.newBuilder().setVehicleId(drone).setNote("props and motors checked").build());
        assertThat(vehicle(aircraft, drone).getMaintenanceDue()).isEmpty();
        assertThat(vehicle(aircraft, drone).getFlightsSinceMaintenance()).isZero();
    }

    private static org.skyfleet.proto.v1.VehicleAirframe vehicle(AircraftServiceGrpc.AircraftServiceBlockingStub s, String id) {
        return s.listVehicleAirframes(ListVehicleAirframesRequest.getDefaultInstance()).getVehiclesList().stream()
                .filter(v -> v.getVehicleId().equals(id)).findFirst().orElseThrow();
    }
}
