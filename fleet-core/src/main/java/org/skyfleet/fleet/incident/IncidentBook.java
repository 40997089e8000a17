package org.skyfleet.fleet.incident;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.skyfleet.planner.PlanningException;

/**
 * Every incident, open and closed. A repeated external id returns the incident it made the first time,
 * so a call-taking system that delivers a call twice makes one incident. Listeners hear every change in
 * order, on the thread that made it; they must not block.
 */
public final class IncidentBook {
    /** Clocks disagree a little; a report from further ahead than this is a mistake. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final InstantSource clock;
    private final Map<String, Incident> byId = new LinkedHashMap<>();
    private final Map<String, String> idByExternal = new HashMap<>();
    private final List<Consumer<IncidentChange>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    private final IncidentStore store;

    public IncidentBook(InstantSource clock) {
        this(clock, null);
    }

    /**
     * A book kept in {@code store}: open incidents come back after a restart, and every change is stored
     * before listeners hear of it or the caller gets an answer.
     */
    public IncidentBook(InstantSource clock, IncidentStore store) {
        this.clock = clock;
        this.store = store;
        if (store != null) {
            for (Incident i : store.loadOpen()) {
                byId.put(i.incidentId(), i);
                if (!i.externalId().isEmpty()) {
                    idByExternal.put(i.externalId(), i.incidentId());
                }
                sequence.accumulateAndGet(numberOf(i.incidentId()), Math::max);
            }
        }
    }

    private static long numberOf(String incidentId) {
        try {
            return Long.parseLong(incidentId.substring(incidentId.indexOf('-') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private void persist(Incident i) {
        if (store != null) {
            store.save(i);
        }
    }

    /** The result of {@link #create}: the incident and whether this call made it. */
    public record Created(Incident incident, boolean isNew) {
    }

    /**
     * Creates an incident, or returns the one made earlier with the same external id.
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public Created create(NewIncident n, String actor) {
        validate(n);
        Instant now = clock.instant();
        Incident made;
        synchronized (this) {
            if (!n.externalId().isEmpty()) {
                String existing = idByExternal.get(n.externalId());
                if (existing != null) {
                    return new Created(byId.get(existing), false);
                }
            }
            String id = String.format("inc-%04d", sequence.incrementAndGet());
            while (store != null && store.find(id).isPresent()) {
                id = String.format("inc-%04d", sequence.incrementAndGet()); // closed before a restart: not loaded
            }
            TimelineEntry created = TimelineEntry.of(now, TimelineKind.CREATED, actor,
                    n.type().name().toLowerCase().replace('_', ' ') + " reported, priority " + n.priority()
                            + (n.subjectDescription().isEmpty() ? "" : ": " + n.subjectDescription()))
                    .withParams("type", n.type().name(), "priority", n.priority().name(), "subject", n.subjectDescription());
            made = new Incident(id, n.externalId(), n.type(), n.priority(), n.location(),
                    n.reportedAt() == null ? now : n.reportedAt(), n.subjectDescription(), n.missingPerson(), SearchStatus.NONE,
                    List.of(created), java.util.Set.of(), java.util.Set.of(), "", null);
            persist(made);
            byId.put(id, made);
            if (!n.externalId().isEmpty()) {
                idByExternal.put(n.externalId(), id);
            }
            notifyAll(new IncidentChange(made, created));
        }
        return new Created(made, true);
    }

    /**
     * The incident, open or closed. One closed before this book was loaded (a restart, or another node that
     * held the records) is read from the store.
     */
    public synchronized Optional<Incident> find(String incidentId) {
        Incident held = byId.get(incidentId);
        return held != null || store == null ? Optional.ofNullable(held) : store.find(incidentId);
    }

    public Incident get(String incidentId) {
        return find(incidentId).orElseThrow(() -> new UnknownIncidentException(incidentId));
    }

    /** Newest first: the open ones, and with {@code includeClosed} those closed since this book was loaded. */
    public synchronized List<Incident> list(boolean includeClosed) {
        List<Incident> out = new ArrayList<>();
        for (Incident i : byId.values()) {
            if (includeClosed || i.open()) {
                out.add(i);
            }
        }
        out.sort(Comparator.comparing(Incident::reportedAt).reversed().thenComparing(Incident::incidentId));
        return out;
    }

    /** Adds an entry to the timeline. */
    public Incident record(String incidentId, TimelineEntry entry) {
        return update(incidentId, i -> i.with(entry), entry);
    }

    /**
     * Applies a change and, when {@code entry} is not null, records it on the timeline in the same step.
     *
     * @throws UnknownIncidentException when there is no such incident
     */
    public synchronized Incident update(String incidentId, UnaryOperator<Incident> change, TimelineEntry entry) {
        Incident before = get(incidentId);
        Incident after = change.apply(before);
        if (entry != null && !after.timeline().contains(entry)) {
            after = after.with(entry);
        }
        persist(after);
        byId.put(incidentId, after);
        notifyAll(new IncidentChange(after, entry));
        return after;
    }

    /**
     * Closes an open incident.
     *
     * @throws IllegalStateException when it is already closed
     */
    public synchronized Incident close(String incidentId, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: say why the incident closes (e.g. \"subject found safe\")");
        }
        Incident i = get(incidentId);
        if (!i.open()) {
            throw new IllegalStateException("incident " + incidentId + " was closed at " + i.closedAt() + ": " + i.closeReason());
        }
        Instant now = clock.instant();
        TimelineEntry entry = TimelineEntry.of(now, TimelineKind.CLOSED, actor, reason.strip()).withParams("reason", reason.strip());
        return update(incidentId, x -> x.withSearch(x.search().withState(x.search().state() == SearchState.NONE
                ? SearchState.NONE : SearchState.ENDED)).closed(now, reason.strip()), entry);
    }

    /**
     * Hands {@code snapshot} the open incidents and subscribes, atomically: no change is missed, and none
     * is followed by an older snapshot of the same incident.
     */
    public synchronized AutoCloseable subscribe(Consumer<IncidentChange> listener, Consumer<List<Incident>> snapshot) {
        snapshot.accept(list(false));
        return subscribe(listener);
    }

    /** Hears every change after this call; close the handle to stop. */
    public AutoCloseable subscribe(Consumer<IncidentChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public InstantSource clock() {
        return clock;
    }

    private void notifyAll(IncidentChange change) {
        for (Consumer<IncidentChange> l : listeners) {
            l.accept(change);
        }
    }

    private void validate(NewIncident n) {
        try {
            n.location().validate("location");
            if (n.missingPerson() != null) {
                n.missingPerson().lastKnownPoint().validate("missing_person.last_known_point");
            }
        } catch (PlanningException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (n.subjectDescription().length() > NewIncident.MAX_DESCRIPTION_CHARS) {
            throw new IllegalArgumentException("subject_description: " + n.subjectDescription().length()
                    + " characters, at most " + NewIncident.MAX_DESCRIPTION_CHARS);
        }
        if (n.externalId().length() > NewIncident.MAX_EXTERNAL_ID_CHARS) {
            throw new IllegalArgumentException("external_id: at most " + NewIncident.MAX_EXTERNAL_ID_CHARS + " characters");
        }
        if (n.type() == IncidentType.MISSING_PERSON && n.missingPerson() == null) {
            throw new IllegalArgumentException("missing_person: a missing-person incident needs the last known point and category");
        }
        Instant latest = clock.instant().plus(FUTURE_TOLERANCE);
        if (n.reportedAt() != null && n.reportedAt().isAfter(latest)) {
            throw new IllegalArgumentException("reported_at " + n.reportedAt() + " is in the future");
        }
        if (n.missingPerson() != null && n.missingPerson().lastSeen().isAfter(latest)) {
            throw new IllegalArgumentException("missing_person.last_seen " + n.missingPerson().lastSeen() + " is in the future");
        }
    }
}
