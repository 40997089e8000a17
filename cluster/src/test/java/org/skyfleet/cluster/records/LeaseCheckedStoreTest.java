package org.skyfleet.cluster.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.store.InMemoryStore;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.planner.geo.GeoPoint;

class LeaseCheckedStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-06T02:00:00Z");
    private static final GeoPoint HILL = new GeoPoint(53.3924, -1.8632);
    private final InMemoryStore shared = new InMemoryStore();
    private final AtomicBoolean leaseHeld = new AtomicBoolean(true);
    private final Store checked = LeaseCheckedStore.over(shared, leaseHeld::get, "node-a");

    @Test
    void recordWritesGoThroughWhileTheLeaseStandsAndAreRefusedOnceItHasRunOut() {
        Assignment offered = new Assignment("asg-0001", "unit-7", "inc-0001", "trk-1", HILL, AssignmentState.OFFERED, 60, 300,
                T0.plusSeconds(60), T0, "");
        checked.assignments().save(offered);
        IncidentBook book = new IncidentBook(() -> T0, checked.incidents());
        String made = book.create(new NewIncident("CAD-1", IncidentType.SUSPECT, IncidentPriority.P2, HILL, "", null, null), "dana")
                .incident().incidentId();

        leaseHeld.set(false);
        assertThatThrownBy(() -> checked.assignments().save(offered.withState(AssignmentState.ACKNOWLEDGED, T0.plusSeconds(5))))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(e.getStatus().getDescription()).contains("node-a", "asg-0001");
                });
        assertThatThrownBy(() -> book.create(new NewIncident("CAD-2", IncidentType.SUSPECT, IncidentPriority.P2, HILL, "", null, null),
                "dana")).isInstanceOf(StatusRuntimeException.class);

        assertThat(checked.assignments().find("asg-0001")).as("reads pass, and the refused write left it as it was")
                .contains(offered);
        assertThat(shared.incidents().loadOpen()).extracting(i -> i.incidentId()).containsExactly(made);
    }
}
