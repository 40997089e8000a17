package org.skyfleet.fleet.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.planner.geo.GeoPoint;

class IncidentBookTest {
    private Instant now = Instant.parse("2026-11-23T21:40:00Z");
    private final IncidentBook book = new IncidentBook(() -> now);
    private final GeoPoint hill = new GeoPoint(53.39, -1.86);

    private NewIncident missing(String externalId) {
        return new NewIncident(externalId, IncidentType.MISSING_PERSON, IncidentPriority.P1, hill, "man, 82",
                new MissingPerson(hill, now.minusSeconds(3600), SubjectCategory.DEMENTIA, 82), null);
    }

    @Test
    void aRepeatedExternalIdMakesOneIncidentAndListenersHearOnlyTheFirst() {
        List<IncidentChange> heard = new ArrayList<>();
        book.subscribe(heard::add);
        IncidentBook.Created first = book.create(missing("CAD-1"), "webhook");
        IncidentBook.Created again = book.create(missing("CAD-1"), "webhook");
        assertThat(first.isNew()).isTrue();
        assertThat(again.isNew()).isFalse();
        assertThat(again.incident()).isEqualTo(first.incident());
        assertThat(book.create(missing(""), "x").incident().incidentId()).isNotEqualTo(first.incident().incidentId());
        assertThat(book.create(missing(""), "x").isNew()).isTrue();
        assertThat(heard).hasSize(3).allMatch(c -> c.latest().kind() == TimelineKind.CREATED);
    }

    @Test
    void anIncidentClosedBeforeTheBookWasLoadedIsStillFoundInTheStore() {
        org.skyfleet.fleet.store.InMemoryStore store = new org.skyfleet.fleet.store.InMemoryStore();
        IncidentBook before = new IncidentBook(() -> now, store.incidents());
        String id = before.create(missing("CAD-9"), "webhook").incident().incidentId();
        before.close(id, "found safe", "cmdr");

        IncidentBook after = new IncidentBook(() -> now, store.incidents()); // a restart, or another node leading
        assertThat(after.list(true)).isEmpty();
        assertThat(after.get(id).closeReason()).isEqualTo("found safe");
        assertThatThrownBy(() -> after.close(id, "again", "cmdr")).isInstanceOf(IllegalStateException.class);
        assertThat(after.find("inc-9999")).isEmpty();
    }

    @Test
    void theTimelineKeepsOrderAndClosingTwiceIsRefused() {
        String id = book.create(missing("CAD-2"), "webhook").incident().incidentId();
        now = now.plusSeconds(60);
        book.record(id, TimelineEntry.of(now, TimelineKind.SEARCH_PLANNED, "automation", "planned"));
        now = now.plusSeconds(60);
        Incident closed = book.close(id, "found safe", "cmdr (commander)");
        assertThat(closed.timeline()).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.CREATED, TimelineKind.SEARCH_PLANNED, TimelineKind.CLOSED);
        assertThat(closed.open()).isFalse();
        assertThat(book.list(false)).isEmpty();
        assertThat(book.list(true)).containsExactly(closed);
        assertThatThrownBy(() -> book.close(id, "again", "cmdr")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("found safe");
        assertThatThrownBy(() -> book.close("inc-9999", "x", "cmdr")).isInstanceOf(UnknownIncidentException.class);
    }

    @Test
    void badCallsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> book.create(new NewIncident("", IncidentType.OTHER, IncidentPriority.P2, new GeoPoint(91, 0), "",
                null, null), "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("location").hasMessageContaining("latitude");
        assertThatThrownBy(() -> book.create(new NewIncident("", IncidentType.MISSING_PERSON, IncidentPriority.P2, hill, "", null, null),
                "x")).hasMessageContaining("missing_person");
        assertThatThrownBy(() -> book.create(new NewIncident("", IncidentType.OTHER, IncidentPriority.P2, hill, "x".repeat(4001),
                null, null), "x")).hasMessageContaining("subject_description");
        assertThatThrownBy(() -> book.create(new NewIncident("", IncidentType.OTHER, IncidentPriority.P2, hill, "", null,
                now.plusSeconds(3600)), "x")).hasMessageContaining("future");
        assertThatThrownBy(() -> book.close(book.create(missing(""), "x").incident().incidentId(), " ", "c"))
                .hasMessageContaining("reason");
        assertThat(book.list(true)).hasSize(1);
    }

    @Test
    void aSnapshotSubscriberSeesEveryIncidentOnceAndThenEveryChange() {
        String a = book.create(missing("A"), "x").incident().incidentId();
        List<String> seen = new ArrayList<>();
        book.subscribe(c -> seen.add("change " + c.incident().incidentId()), open -> open.forEach(i -> seen.add("snapshot " + i.incidentId())));
        String b = book.create(missing("B"), "x").incident().incidentId();
        assertThat(seen).containsExactly("snapshot " + a, "change " + b);
    }
}
