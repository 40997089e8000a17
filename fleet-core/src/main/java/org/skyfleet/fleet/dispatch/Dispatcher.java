package org.skyfleet.fleet.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.skyfleet.planner.geo.GeoPoint;

/**
 * Sends units to tracks: the available unit with the shortest estimated time of arrival is offered the
 * job, a person's unit before any robot (a robot within its type's dispatch range is offered only when no
 * person's unit is free and untried for the track); if it does not acknowledge within the timeout, the job goes to the next unit not yet tried for
 * that track. When no unit is free, the job waits and is offered as soon as one is. Listeners hear
 * every assignment change, in order, under the dispatcher's lock: they must not block.
 */
public final class Dispatcher {
    private final UnitRoster roster;
    private final EtaModel eta;
    private final InstantSource clock;
    private final Duration acknowledgeTimeout;
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();
    private final Map<String, Set<String>> triedUnitsByTrack = new HashMap<>();
    private final Map<String, Job> waitingByTrack = new LinkedHashMap<>();
    private final List<Consumer<Assignment>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    private record Job(String incidentId, String trackId, GeoPoint target, String description) {
    }

    public Dispatcher(UnitRoster roster, EtaModel eta, InstantSource clock, Duration acknowledgeTimeout) {
        this.roster = roster;
        this.eta = eta;
        this.clock = clock;
        this.acknowledgeTimeout = acknowledgeTimeout;
    }

    /**
     * Continues from a store after a restart or on a new leader: the open assignments stand (their units
     * can acknowledge and arrive, their tracks are not offered twice, their units are not offered another
     * job) and new ids are numbered after {@code highestNumber}, so no stored assignment is overwritten.
     * Call before the first dispatch.
     */
    public synchronized void resume(Collection<Assignment> open, long highestNumber) {
        for (Assignment a : open) {
            if (a.state().open()) {
                assignments.put(a.assignmentId(), a);
            }
        }
        sequence.accumulateAndGet(highestNumber, Math::max);
    }

    public UnitRoster roster() {
        return roster;
    }

    /**
     * Sends the best available unit to a track. A track that already has an open assignment keeps it.
     *
     * @return the assignment, or empty when no unit is available now (it is made when one becomes so)
     */
    public synchronized Optional<Assignment> dispatch(String incidentId, String trackId, GeoPoint target, String description) {
        Optional<Assignment> open = openFor(trackId);
        if (open.isPresent()) {
            return open;
        }
        return offer(new Job(incidentId, trackId, target, description));
    }

    /** The unit says it is on its way. */
    public synchronized Assignment acknowledge(String assignmentId, String unitId) {
        Assignment a = owned(assignmentId, unitId);
        if (a.state() == AssignmentState.ACKNOWLEDGED) {
            return a;
        }
        if (a.state() != AssignmentState.OFFERED) {
            throw new IllegalStateException("assignment " + assignmentId + " is " + a.state() + ", not OFFERED");
        }
        return put(a.withState(AssignmentState.ACKNOWLEDGED, clock.instant()));
    }

    /** The unit is at the target. */
    public synchronized Assignment arrive(String assignmentId, String unitId) {
        Assignment a = owned(assignmentId, unitId);
        if (a.state() == AssignmentState.ARRIVED) {
            return a;
        }
        if (!a.state().open()) {
            throw new IllegalStateException("assignment " + assignmentId + " is " + a.state() + ": it is no longer this unit's");
        }
        roster.setAssignment(unitId, "");
        return put(a.withState(AssignmentState.ARRIVED, clock.instant()));
    }

    /** The track moved: open assignments to it follow. */
    public synchronized void moveTarget(String trackId, GeoPoint target) {
        Instant now = clock.instant();
        for (Assignment a : List.copyOf(assignments.values())) {
            if (a.trackId().equals(trackId) && a.state().open()) {
                put(a.withTarget(target, now));
            }
        }
        waitingByTrack.computeIfPresent(trackId, (k, j) -> new Job(j.incidentId(), j.trackId(), target, j.description()));
    }

    /**
     * Passes offers not acknowledged in time to the next unit and offers waiting jobs to units that
     * have become available. Call it every second or so.
     */
    public synchronized List<Assignment> expireDue() {
        Instant now = clock.instant();
        List<Assignment> changed = new ArrayList<>();
        for (Assignment a : List.copyOf(assignments.values())) {
            if (a.state() == AssignmentState.OFFERED && !now.isBefore(a.acknowledgeBy())) {
                changed.add(put(a.withState(AssignmentState.REASSIGNED, now)));
                roster.setAssignment(a.unitId(), "");
                offer(new Job(a.incidentId(), a.trackId(), a.target(), a.description())).ifPresent(changed::add);
            }
        }
        for (Job j : List.copyOf(waitingByTrack.values())) {
            offer(j).ifPresent(changed::add);
        }
        return changed;
    }

    /** Ends every open assignment and waiting job of an incident. */
    public synchronized void cancelIncident(String incidentId) {
        Instant now = clock.instant();
        waitingByTrack.values().removeIf(j -> j.incidentId().equals(incidentId));
        for (Assignment a : List.copyOf(assignments.values())) {
            if (a.incidentId().equals(incidentId) && a.state().open()) {
                roster.setAssignment(a.unitId(), "");
                put(a.withState(AssignmentState.CANCELLED, now));
            }
        }
    }

    public synchronized Optional<Assignment> find(String assignmentId) {
        return Optional.ofNullable(assignments.get(assignmentId));
    }

    /** The unit's open assignment, if any. */
    public synchronized Optional<Assignment> currentFor(String unitId) {
        return assignments.values().stream().filter(a -> a.unitId().equals(unitId) && a.state().open()).findFirst();
    }

    public synchronized List<Assignment> all() {
        return List.copyOf(assignments.values());
    }

    /** Whether a track still waits for a unit. */
    public synchronized boolean waiting(String trackId) {
        return waitingByTrack.containsKey(trackId);
    }

    public AutoCloseable subscribe(Consumer<Assignment> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private Optional<Assignment> openFor(String trackId) {
        return assignments.values().stream().filter(a -> a.trackId().equals(trackId) && a.state().open()).findFirst();
    }

    private Optional<Assignment> offer(Job job) {
        Set<String> tried = triedUnitsByTrack.computeIfAbsent(job.trackId(), k -> new HashSet<>());
        record Candidate(GroundUnit unit, TravelEstimate travel) {
        }
        Optional<Candidate> best = roster.available().stream()
                .filter(u -> !tried.contains(u.unitId()))
                .filter(u -> currentFor(u.unitId()).isEmpty()) // a resumed assignment the roster has not heard of yet
                .map(u -> new Candidate(u, eta.estimate(u, job.target())))
                .filter(c -> Double.isFinite(c.travel().etaS()))
                .filter(c -> c.travel().distanceM() <= c.unit().type().dispatchRangeM())
                .min(Comparator.comparing((Candidate c) -> c.unit().type().robot())
                        .thenComparingDouble(c -> c.travel().etaS()).thenComparing(c -> c.unit().unitId()));
        if (best.isEmpty() && !tried.isEmpty() && roster.available().stream().anyMatch(u -> tried.contains(u.unitId()))) {
            tried.clear(); // every free unit has had its chance: go round again rather than send no one
            return offer(job);
        }
        if (best.isEmpty()) {
            waitingByTrack.put(job.trackId(), job);
            return Optional.empty();
        }
        waitingByTrack.remove(job.trackId());
        GroundUnit u = best.get().unit();
        tried.add(u.unitId());
        Instant now = clock.instant();
        Assignment a = new Assignment(String.format("asg-%04d", sequence.incrementAndGet()), u.unitId(), job.incidentId(),
                job.trackId(), job.target(), AssignmentState.OFFERED, best.get().travel().etaS(), best.get().travel().distanceM(),
                now.plus(acknowledgeTimeout), now, job.description(), best.get().travel().method(), best.get().travel().route());
        roster.setAssignment(u.unitId(), a.assignmentId());
        return Optional.of(put(a));
    }

    private Assignment owned(String assignmentId, String unitId) {
        Assignment a = assignments.get(assignmentId);
        if (a == null) {
            throw new UnknownAssignmentException(assignmentId);
        }
        if (!a.unitId().equals(unitId)) {
            throw new IllegalStateException("assignment " + assignmentId + " belongs to " + a.unitId() + ", not " + unitId);
        }
        return a;
    }

    private Assignment put(Assignment a) {
        assignments.put(a.assignmentId(), a);
        for (Consumer<Assignment> l : listeners) {
            l.accept(a);
        }
        return a;
    }
}
