package org.skyfleet.cluster.log;

import static org.assertj.core.api.Assertions.assertThat;


import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nats.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.bus.DurableRecord;
import org.skyfleet.fleet.bus.RecordKind;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.fusion.HorizontalUncertainty;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.proto.v1.ReportSightingRequest;
import org.skyfleet.server.Await;
import org.skyfleet.fleet.testing.ManualClock;
import org.skyfleet.cluster.bus.BusMetrics;
import org.skyfleet.cluster.bus.NatsDurableLog;
import org.skyfleet.cluster.bus.NatsTestServer;

/** Writes through the store end up on the real JetStream log, readable as the API's messages. */
class LoggedStoreTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-05T23:30:00Z"));
    private final String stream = NatsTestServer.unique("T_LOGGED_");
    private Connection nats;
    private NatsDurableLog log;
    private Store store;

    @BeforeEach
    void open() throws Exception {
        nats = NatsTestServer.connect("logged");
        log = new NatsDurableLog(nats, new BusMetrics(new SimpleMeterRegistry()), stream, NatsTestServer.unique("tlog"), Duration.ofHours(1));
        store = LoggedStore.over(new InMemoryStore(), log, Duration.ofSeconds(2));
    }

    @AfterEach
    void close() throws Exception {
        if (nats != null) {
            nats.jetStreamManagement().deleteStream(stream);
            nats.close();
        }
    }

    @Test
    void anIncidentItsSightingAnAssignmentAndTheAuditAreOnTheLogOnceStored() throws Exception {
        IncidentBook incidents = new IncidentBook(clock, store.incidents());
        Incident incident = incidents.create(new NewIncident("CAD-1", IncidentType.SUSPECT, IncidentPriority.P1,
                new GeoPoint(53.39, -1.86), "Man in a grey coat seen at the harbour", null, clock.instant()), "dispatcher").incident();
        Sighting seen = new Sighting("s-1", SourceKind.DRONE, "mav-14550-3", clock.millis(), 53.391, -1.861,
                HorizontalUncertainty.sigma(4), TargetClass.PERSON, 0.87, Optional.empty(), Optional.of(incident.incidentId()));
        store.sightings().append(seen);
        store.sightings().append(new Sighting("s-2", SourceKind.OFFICER, "unit-7", clock.millis(), 53.392, -1.862,
                HorizontalUncertainty.sigma(10), TargetClass.PERSON, 0.5, Optional.of("img/2.jpg"), Optional.empty()));
        Assignment offered = new Assignment("a-1", "unit-7", incident.incidentId(), "t-1", new GeoPoint(53.391, -1.861),
                AssignmentState.OFFERED, 240, 900, clock.instant().plusSeconds(60), clock.instant(), "go to the subject");
        store.assignments().save(offered);
        store.assignments().save(offered);  // a repeated write of the same state is one record
        store.assignments().save(offered.withState(AssignmentState.ACKNOWLEDGED, clock.instant().plusSeconds(5)));
        new AuditJournal(clock, store.audit()).append("pat (pilot)", "command ARM", "mav-14550-3", "id c-1", "ACCEPTED");

        assertThat(records(RecordKind.INCIDENT, 1)).singleElement().satisfies(r -> {
            var p = org.skyfleet.proto.v1.Incident.parseFrom(r.payload());
            assertThat(p.getIncidentId()).isEqualTo(incident.incidentId());
            assertThat(p.getExternalId()).isEqualTo("CAD-1");
        });
        List<DurableRecord> sightings = records(RecordKind.SIGHTING, 2);
        ReportSightingRequest first = ReportSightingRequest.parseFrom(sightings.get(0).payload());
        assertThat(first.getSightingId()).isEqualTo("s-1");
        assertThat(first.getIncidentId()).isEqualTo(incident.incidentId());
        assertThat(first.getCovariance().getEastEastM2()).isEqualTo(16.0);
        assertThat(ReportSightingRequest.parseFrom(sightings.get(1).payload()).getImageRef()).isEqualTo("img/2.jpg");
        assertThat(records(RecordKind.ASSIGNMENT, 2)).extracting(r -> org.skyfleet.proto.v1.Assignment.parseFrom(r.payload())
                .getState().name()).containsExactly("ASSIGNMENT_STATE_OFFERED", "ASSIGNMENT_STATE_ACKNOWLEDGED");
        assertThat(records(RecordKind.AUDIT, 1)).singleElement()
                .satisfies(r -> assertThat(org.skyfleet.proto.v1.AuditEntry.parseFrom(r.payload()).getAction()).isEqualTo("command ARM"));
    }

    private boolean settled(String durable) {
        try {
            var info = nats.jetStreamManagement().getConsumerInfo(stream, durable);
            return info.getNumPending() == 0 && info.getNumAckPending() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private List<DurableRecord> records(RecordKind kind, int expected) throws Exception {
        List<DurableRecord> got = new CopyOnWriteArrayList<>();
        String reader = NatsTestServer.unique("reader-");
        try (AutoCloseable f = log.follow(reader, kind, got::add)) {
            Await.until(Duration.ofSeconds(10), expected + " " + kind + " records, then nothing pending",
                    () -> got.size() >= expected && settled(reader));
        }
        assertThat(got).hasSize(expected);
        return got;
    }
}
