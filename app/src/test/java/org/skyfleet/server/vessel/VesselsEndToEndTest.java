package org.skyfleet.server.vessel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skyfleet.server.GrpcAssert.assertStatus;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vessel.PortFleet;
import org.skyfleet.fleet.vessel.PortFleetEntry;
import org.skyfleet.proto.v1.BoundingBox;
import org.skyfleet.proto.v1.GetVesselRequest;
import org.skyfleet.proto.v1.GetVesselTrackRequest;
import org.skyfleet.proto.v1.ListVesselsRequest;
import org.skyfleet.proto.v1.StreamVesselsRequest;
import org.skyfleet.proto.v1.StreamVesselsResponse;
import org.skyfleet.proto.v1.Vessel;
import org.skyfleet.proto.v1.VesselFilter;
import org.skyfleet.proto.v1.VesselServiceGrpc;
import org.skyfleet.server.Await;
import org.skyfleet.server.StreamRecorder;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.ais.AisSentenceEncoder;

/** AIVDM over real UDP into the server, vessels out of VesselService: filters, the stream, the stored track, roles. */
class VesselsEndToEndTest {
    private static final long FISHING_BOAT = 412440001L;
    private static final long CARGO_SHIP = 413999999L;

    private static SkyfleetServer server;
    private static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults(), new InMemoryStore(),
                InstantSource.system(), null, SeaGateConfig.ephemeral().withPortFleet(
                        PortFleet.of(List.of(new PortFleetEntry(FISHING_BOAT, "ZHEPUYU 01", "Chen Wei", "Shenjiamen")))));
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    }

    @AfterAll
    static void stop() {
        channel.shutdownNow();
        server.close();
    }

    private static VesselServiceGrpc.VesselServiceBlockingStub as(String role) {
        return VesselServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("someone", role)));
    }

    private static void send(DatagramSocket socket, List<String> lines) throws Exception {
        byte[] b = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(b, b.length, server.seaGate().aisUdpAddress()));
    }

    @Test
    void vesselsHeardByAisAreListedStreamedFilteredAndTracked() throws Exception {
        StreamRecorder<StreamVesselsRequest, StreamVesselsResponse> fishing = new StreamRecorder<>(false);
        VesselServiceGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                CallerInterceptor.headers("watch", "commander"))).streamVessels(StreamVesselsRequest.newBuilder()
                .setFilter(VesselFilter.newBuilder().setFishingOnly(true)).build(), fishing);
        Instant before = Instant.now();
        try (DatagramSocket socket = new DatagramSocket()) {
            send(socket, AisSentenceEncoder.staticAndVoyage(FISHING_BOAT, 0, "BZXY1", "ZHE PU YU 01", 30, "SHENJIAMEN", 3));
            send(socket, List.of(
                    AisSentenceEncoder.positionReport(FISHING_BOAT, 7, 29.95, 122.31, 2.0, 135.0, 130, 10),
                    AisSentenceEncoder.positionReport(CARGO_SHIP, 0, 29.90, 122.50, 7.0, 45.0, 44, 11),
                    "!AIVDM,1,1,,A,garbage,0*00"));
        }
        Await.until(Duration.ofSeconds(20), "both vessels listed",
                () -> as("dispatcher").listVessels(ListVesselsRequest.getDefaultInstance()).getVesselsCount() == 2);

        Vessel boat = as("pilot").getVessel(GetVesselRequest.newBuilder().setMmsi(FISHING_BOAT).build()).getVessel();
        assertThat(boat.getName()).isEqualTo("ZHE PU YU 01");
        assertThat(boat.getCallSign()).isEqualTo("BZXY1");
        assertThat(boat.getShipType()).isEqualTo(30);
        assertThat(boat.getFishing()).isTrue();
        assertThat(boat.getNavStatus()).isEqualTo(7);
        assertThat(boat.getPosition().getLatDeg()).isEqualTo(29.95, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(boat.getSpeedOverGroundMS()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(0.06));
        assertThat(boat.getPortFleet().getOwner()).isEqualTo("Chen Wei");
        assertThat(boat.getLastHeardAgeS()).isLessThan(60);

        VesselFilter east = VesselFilter.newBuilder().setArea(BoundingBox.newBuilder().setSouthLatDeg(29.8)
                .setNorthLatDeg(30.0).setWestLonDeg(122.4).setEastLonDeg(122.6)).build();
        assertThat(as("automation").listVessels(ListVesselsRequest.newBuilder().setFilter(east).build()).getVesselsList())
                .extracting(Vessel::getMmsi).containsExactly(CARGO_SHIP);
        assertThat(as("commander").listVessels(ListVesselsRequest.newBuilder().setFilter(VesselFilter.newBuilder()
                .addShipTypes(30)).build()).getVesselsList()).extracting(Vessel::getMmsi).containsExactly(FISHING_BOAT);
        assertThat(as("commander").listVessels(ListVesselsRequest.newBuilder().setFilter(VesselFilter.newBuilder()
                .setPortFleetOnly(true)).build()).getVesselsList()).extracting(Vessel::getMmsi).containsExactly(FISHING_BOAT);

        Await.until(Duration.ofSeconds(20), "the fishing boat streamed", () -> fishing.received.stream()
                .flatMap(r -> r.getVesselsList().stream()).anyMatch(v -> v.getMmsi() == FISHING_BOAT && v.getHasPosition()));
        assertThat(fishing.received.stream().flatMap(r -> r.getVesselsList().stream())).allMatch(Vessel::getFishing);

        Await.until(Duration.ofSeconds(20), "the boat's track stored", () -> as("commander").getVesselTrack(
                GetVesselTrackRequest.newBuilder().setMmsi(FISHING_BOAT).setFrom(ts(before.minusSeconds(5)))
                        .setTo(ts(Instant.now().plusSeconds(5))).build()).getSamplesCount() == 1);
        assertThat(server.seaGate().aisMetrics().droppedCount()).isEqualTo(1);
        fishing.cancel();
    }

    @Test
    void rolesAndArgumentsAreChecked() {
        assertStatus(() -> as("officer").listVessels(ListVesselsRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED, "");
        assertStatus(() -> as("commander").getVessel(GetVesselRequest.newBuilder().setMmsi(123456789).build()),
                Status.Code.NOT_FOUND, "has not been heard");
        assertStatus(() -> as("commander").listVessels(ListVesselsRequest.newBuilder().setFilter(VesselFilter.newBuilder()
                .addShipTypes(100)).build()), Status.Code.INVALID_ARGUMENT, "ship_types");
        assertStatus(() -> as("commander").listVessels(ListVesselsRequest.newBuilder().setFilter(VesselFilter.newBuilder()
                .setArea(BoundingBox.newBuilder().setSouthLatDeg(30).setNorthLatDeg(29))).build()),
                Status.Code.INVALID_ARGUMENT, "inverted");
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}
