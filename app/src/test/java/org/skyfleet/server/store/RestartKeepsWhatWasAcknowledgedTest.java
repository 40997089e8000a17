package org.skyfleet.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.store.jdbc.JdbcStore;
import org.skyfleet.proto.v1.CloseIncidentRequest;
import org.skyfleet.proto.v1.CreateIncidentRequest;
import org.skyfleet.proto.v1.GeoPoint;
import org.skyfleet.proto.v1.GetIncidentRequest;
import org.skyfleet.proto.v1.Incident;
import org.skyfleet.proto.v1.IncidentPriority;
import org.skyfleet.proto.v1.IncidentServiceGrpc;
import org.skyfleet.proto.v1.IncidentType;
import org.skyfleet.proto.v1.ListIncidentsRequest;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.proto.v1.SightingServiceGrpc;
import org.skyfleet.proto.v1.SightingSource;
import org.skyfleet.proto.v1.TargetClass;
import org.skyfleet.proto.v1.TimelineKind;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.app.ServerConfig;
import org.skyfleet.app.SkyfleetServer;
import org.skyfleet.server.grpc.CallerInterceptor;

/**
 * The server on its embedded store, stopped and started again on the same data directory: open incidents
 * with their timelines, sightings, a live control lease and the audit chain are all still there, and the
 * chain goes on from where it stopped.
 */
class RestartKeepsWhatWasAcknowledgedTest {
    private static final GeoPoint HILL = GeoPoint.newBuilder().setLatDeg(53.39).setLonDeg(-1.86).build();

    @TempDir
    Path dataDir;

    private static <S extends io.grpc.stub.AbstractStub<S>> S as(S stub, String subject, String role) {
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(CallerInterceptor.headers(subject, role)));
    }

    private SkyfleetServer start() throws Exception {
        return SkyfleetServer.start(ServerConfig.ephemeral(), AutomationConfig.defaults(), JdbcStore.openEmbedded(dataDir),
                InstantSource.system());
    }

    @Test
    void incidentsSightingsLeasesAndTheAuditChainSurviveARestart() throws Exception {
        String open;
        String closed;
        int auditBefore;
        Operator pilot = new Operator("pat", Operator.Role.PILOT);
        try (SkyfleetServer first = start()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", first.grpcPort()).usePlaintext().build();
            var incidents = as(IncidentServiceGrpc.newBlockingStub(channel), "dana", "dispatcher");
            CreateIncidentRequest call = CreateIncidentRequest.newBuilder().setExternalId("CAD-9").setType(IncidentType.INCIDENT_TYPE_SUSPECT)
                    .setPriority(IncidentPriority.INCIDENT_PRIORITY_P2).setLocation(HILL).setSubjectDescription("man in a red van").build();
            open = incidents.createIncident(call).getIncident().getIncidentId();
            closed = incidents.createIncident(call.toBuilder().setExternalId("CAD-10").build()).getIncident().getIncidentId();
            incidents.closeIncident(CloseIncidentRequest.newBuilder().setIncidentId(closed).setReason("false alarm").build());
            var sightings = as(SightingServiceGrpc.newBlockingStub(channel), "dana", "dispatcher");
            for (int i = 0; i < 3; i++) {
                sightings.reportSighting(ReportSightingRequest.newBuilder().setSightingId("cit-" + i)
                        .setSource(SightingSource.SIGHTING_SOURCE_CITIZEN).setSourceId("call-" + i).setPosition(HILL)
                        .setSigmaM(50).setTargetClass(TargetClass.TARGET_CLASS_VEHICLE).setConfidence(0.6).setIncidentId(open).build());
            }
            first.leases().acquire("mav-14550-1", pilot, java.time.Duration.ofMinutes(10));
            auditBefore = first.audit().entries().size();
            channel.shutdownNow();
        }

        try (SkyfleetServer second = start()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", second.grpcPort()).usePlaintext().build();
            var incidents = as(IncidentServiceGrpc.newBlockingStub(channel), "cmdr", "commander");
            Incident back = incidents.getIncident(GetIncidentRequest.newBuilder().setIncidentId(open).build()).getIncident();
            assertThat(back.getSubjectDescription()).isEqualTo("man in a red van");
            // the call's first response (whether a drone flew, and why not) is written beside them as it decides
            assertThat(back.getTimelineList()).filteredOn(e -> !e.getCode().contains("RESPONSE")).extracting(e -> e.getKind())
                    .containsExactly(TimelineKind.TIMELINE_KIND_CREATED, TimelineKind.TIMELINE_KIND_SIGHTING,
                            TimelineKind.TIMELINE_KIND_SIGHTING, TimelineKind.TIMELINE_KIND_SIGHTING);
            assertThat(incidents.listIncidents(ListIncidentsRequest.getDefaultInstance()).getIncidentsList())
                    .extracting(Incident::getIncidentId).containsExactly(open);
            // The same call delivered again after the restart is still the same incident.
            var dispatcher = as(IncidentServiceGrpc.newBlockingStub(channel), "dana", "dispatcher");
            assertThat(dispatcher.createIncident(CreateIncidentRequest.newBuilder().setExternalId("CAD-9")
                    .setType(IncidentType.INCIDENT_TYPE_SUSPECT).setPriority(IncidentPriority.INCIDENT_PRIORITY_P2).setLocation(HILL)
                    .build()).getIncident().getIncidentId()).isEqualTo(open);
            // A new incident does not take the number of the one closed before the restart.
            String fresh = dispatcher.createIncident(CreateIncidentRequest.newBuilder().setExternalId("CAD-11")
                    .setType(IncidentType.INCIDENT_TYPE_OTHER).setPriority(IncidentPriority.INCIDENT_PRIORITY_P3).setLocation(HILL)
                    .build()).getIncident().getIncidentId();
            assertThat(fresh).isNotIn(open, closed);

            assertThat(second.leases().current("mav-14550-1")).hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo(pilot));
            assertThat(second.audit().entries().size()).isGreaterThan(auditBefore);
            assertThat(AuditJournal.firstBroken(second.audit().entries())).isEmpty();
            channel.shutdownNow();
        }
        try (JdbcStore store = JdbcStore.openEmbedded(dataDir)) {
            assertThat(store.sightings().count()).isEqualTo(3);
            assertThat(store.incidents().find(closed)).hasValueSatisfying(i -> assertThat(i.closeReason()).isEqualTo("false alarm"));
        }
    }
}
