package org.skyfleet.server.vessel;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.fleet.geofence.Zone;
import org.skyfleet.fleet.geofence.ZoneCategory;
import org.skyfleet.fleet.geofence.ZoneKind;
import org.skyfleet.fleet.geofence.ZoneSchedule;
import org.skyfleet.fleet.geofence.ZoneShape;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.vessel.SeaGateRules;
import org.skyfleet.fleet.vessel.SeaGateZones;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.ListVesselAlertsRequest;
import org.skyfleet.proto.v1.ListVesselsRequest;
import org.skyfleet.proto.v1.VesselAlert;
import org.skyfleet.proto.v1.VesselAlertKind;
import org.skyfleet.proto.v1.VesselCheckState;
import org.skyfleet.proto.v1.VesselFilter;
import org.skyfleet.proto.v1.VesselServiceGrpc;
import org.skyfleet.server.Await;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.automation.SearchPolicy;
import org.skyfleet.server.grpc.CallerInterceptor;
import org.skyfleet.simulator.Simulation;
import org.skyfleet.simulator.SimulationConfig;
import org.skyfleet.simulator.ais.BoatSpotter;
import org.skyfleet.simulator.ais.SeaGateFleet;
import org.skyfleet.simulator.ais.ShenjiamenHarbour;

/**
 * The Shenjiamen sea gate end to end, every hop on the real wire: simulated fishing boats send AIVDM over UDP,
 * ZHE PU YU 07 goes dark at sea -> the dark alert opens an incident -> the drone check launches by policy
 * (MAVLink to a simulated PX4 drone) -> the drone's camera sees the boat and its edge computer reports it over
 * gRPC -> the alert is cleared and the incident closed.
 */
class ShenjiamenSeaGateScenarioTest {
    @Test
    void boatGoesDarkAlertDroneLaunchedBoatFoundAlertCleared() throws Exception {
        SearchPolicy checkAtOnce = new SearchPolicy(Map.of(IncidentType.OTHER, Map.of(IncidentPriority.P2, true)), Duration.ofMinutes(2));
        try (SkyfleetServer server = SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults().withSearchPolicy(checkAtOnce),
                new InMemoryStore(), InstantSource.system(), null, SeaGateConfig.ephemeral().withRuleLimits(
                        new SeaGateRules.Limits(0.5, Duration.ofSeconds(12), Duration.ofMinutes(15))))) {
            server.geofences().save(new Zone("shenjiamen", "Shenjiamen sea gate", new ZoneShape.Circle(
                    new GeoPoint(ShenjiamenHarbour.PORT_LAT_DEG, ShenjiamenHarbour.PORT_LON_DEG), 1500), ZoneKind.INCLUSION, null,
                    ZoneSchedule.Weekly.daily(LocalTime.of(5, 0), LocalTime.of(19, 0), "Asia/Shanghai"), ZoneCategory.SEA_GATE,
                    SeaGateZones.VESSELS_ONLY, null));
            int mavlinkPort = server.mavlinkAddress().getPort();
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
            try (Simulation sim = Simulation.start(SimulationConfig.around(new InetSocketAddress("127.0.0.1", mavlinkPort),
                    ShenjiamenHarbour.DRONE_BASE_LAT_DEG, ShenjiamenHarbour.DRONE_BASE_LON_DEG, 1, 0, 7));
                 SeaGateFleet fleet = SeaGateFleet.start(sim, ShenjiamenHarbour.boats(), server.seaGate().aisUdpAddress(),
                         new BoatSpotter(ShenjiamenHarbour.boats(), channel, SeaGateFleet.mavlinkIds(server.links().get(0).config().linkName()),
                                 SeaGateFleet.SPOT_RANGE_M, 2))) {
                var vessels = VesselServiceGrpc.newBlockingStub(channel).withInterceptors(
                        MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers("harbour-watch", "commander")));
                Await.until(Duration.ofSeconds(30), "the six boats heard", () -> vessels.listVessels(ListVesselsRequest.newBuilder()
                        .setFilter(VesselFilter.newBuilder().setFishingOnly(true)).build()).getVesselsCount() == 6);

                Await.until(Duration.ofSeconds(60), "ZHE PU YU 07's dark alert with a drone checking", () -> {
                    VesselAlert a = darkAlert(vessels);
                    return a != null && a.getCheckState() == VesselCheckState.VESSEL_CHECK_STATE_CHECKING;
                });
                Await.until(Duration.ofSeconds(180), "the boat found and the alert cleared", () ->
                        darkAlert(vessels).getCheckState() == VesselCheckState.VESSEL_CHECK_STATE_CLEARED);

                VesselAlert cleared = darkAlert(vessels);
                assertThat(cleared.getMmsi()).isEqualTo(ShenjiamenHarbour.DARK_BOAT_MMSI);
                assertThat(cleared.getOutcome()).contains("boat sighted by " + cleared.getDroneId());
                Incident incident = server.incidents().get(cleared.getIncidentId());
                assertThat(incident.open()).isFalse();
                assertThat(incident.timeline()).extracting(e -> e.kind()).containsSubsequence(TimelineKind.CREATED,
                        TimelineKind.DRONE_LAUNCHED, TimelineKind.SIGHTING, TimelineKind.CLOSED);
                assertThat(fleet.sightingsReported()).isPositive();
                assertThat(vessels.listVesselAlerts(ListVesselAlertsRequest.newBuilder().setIncludeSettled(true).build())
                        .getAlertsList()).extracting(VesselAlert::getMmsi).containsOnly(ShenjiamenHarbour.DARK_BOAT_MMSI);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static VesselAlert darkAlert(VesselServiceGrpc.VesselServiceBlockingStub vessels) {
        List<VesselAlert> all = vessels.listVesselAlerts(ListVesselAlertsRequest.newBuilder().setIncludeSettled(true).build()).getAlertsList();
        return all.stream().filter(a -> a.getKind() == VesselAlertKind.VESSEL_ALERT_KIND_WENT_DARK
                && a.getMmsi() == ShenjiamenHarbour.DARK_BOAT_MMSI).findFirst().orElse(null);
    }
}
