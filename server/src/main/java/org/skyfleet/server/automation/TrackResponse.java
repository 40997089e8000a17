package org.skyfleet.server.automation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.AssignmentState;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.server.sighting.TrackFeed;

/**
 * A tentative track one camera hit short of confirming sends that drone back for a second look
 * ({@link SecondLookRule}). What a confirmed track on an open incident sets off: it goes on the incident's timeline, the search
 * stops, the nearest available unit is dispatched with the track's live position, and the drone that
 * found the subject circles over them until the unit reports arrival. Track changes hop onto the
 * automation thread.
 */
public final class TrackResponse implements AutoCloseable {
    private final TrackFeed feed;

    /** Track id to the track the response follows (itself for the first). */
    private final java.util.Map<String, String> responseTrackOf = new java.util.HashMap<>();
    /** Incident id to the track its response follows. */
    private final java.util.Map<String, String> responseOfIncident = new java.util.HashMap<>();
    private final java.util.Map<String, GeoPoint> lastPositionOfResponse = new java.util.HashMap<>();
    private final IncidentBook incidents;
    private final Dispatcher dispatcher;
    private final SearchAutomation search;
    private final Overwatch overwatch;
    private final AutomationThread thread;
    private final AuditJournal audit;
    private final java.util.function.Consumer<TrackUpdate> listener;
    private final AutoCloseable assignmentSubscription;
    private final AutoCloseable incidentSubscription;

    public TrackResponse(TrackFeed feed, IncidentBook incidents, Dispatcher dispatcher, SearchAutomation search,
                         ScheduledExecutorService executor, AuditJournal audit) {
        this.feed = feed;
        this.incidents = incidents;
        this.dispatcher = dispatcher;
        this.search = search;
        this.thread = new AutomationThread(executor, audit);
        this.audit = audit;
        this.overwatch = search.overwatch();
        this.listener = u -> thread.execute((() -> onTrack(u)));
        feed.subscribe(listener, tracks -> { });
        this.assignmentSubscription = dispatcher.subscribe(a -> {
            if (a.state() == AssignmentState.ARRIVED) {
                thread.execute((() -> overwatch.stop(a.trackId(), a.unitId() + " is with the subject", a.unitId())));
            }
        });
        this.incidentSubscription = incidents.subscribe(c -> {
            if (c.latest() != null && c.latest().kind() == TimelineKind.CLOSED) {
                String id = c.incident().incidentId();
                thread.execute((() -> {
                    dispatcher.cancelIncident(id);
                    overwatch.stopIncident(id, "incident closed");
                }));
            }
        });
        thread.every(2, () -> overwatch.tick(search.vehiclesInUse()));
        thread.every(1, dispatcher::expireDue);
        thread.every(5, feed::prune);
    }

    private void onTrack(TrackUpdate u) {
        Track t = u.track();
        GeoPoint at = new GeoPoint(t.latDeg(), t.lonDeg());
        if (u.kind() == TrackUpdate.Kind.DROPPED) {
            responseTrackOf.remove(t.id());
            return;
        }
        if (t.incidentId().isPresent()) {
            SecondLookRule.lookingDrone(u, feed::sighting)
                    .ifPresent(drone -> search.secondLook(t.incidentId().get(), t.id(), drone, at));
        }
        if (!ConfirmedTrackRules.confirmed(u) || t.incidentId().isEmpty()) {
            return;
        }
        String followed = responseTrackOf.get(t.id());
        if (followed == null && t.targetClass() == TargetClass.PERSON) {
            // one missing person: a new confirmed track near the one being followed is him again
            String current = responseOfIncident.computeIfAbsent(t.incidentId().get(), this::responseInFlight);
            GeoPoint last = current == null ? null : lastPositionOfResponse.get(current);
            if (last != null && ConfirmedTrackRules.sameSubject(last, at)) {
                responseTrackOf.put(t.id(), current);
                followed = current;
            }
        }
        if (followed != null) {
            // the freshest sighting of the subject, whichever piece of track it landed in, moves the response
            lastPositionOfResponse.put(followed, at);
            dispatcher.moveTarget(followed, at);
            overwatch.move(followed, at);
            return;
        }
        if (!ConfirmedTrackRules.plausibleSpeed(t)) {
            // detections strung along a drone's path look like a person running at drone speed: not yet
            return;
        }
        Incident incident = incidents.find(t.incidentId().get()).orElse(null);
        if (incident == null || !incident.open()) {
            return;
        }
        responseTrackOf.put(t.id(), t.id());
        responseOfIncident.put(incident.incidentId(), t.id());
        lastPositionOfResponse.put(t.id(), at);
        String finder = finderDrone(t).orElse("");
        incidents.update(incident.incidentId(), i -> i.withTrack(t.id()), TimelineEntry.of(incidents.clock().instant(),
                TimelineKind.TRACK_CONFIRMED, "fusion", String.format(Locale.ROOT,
                        "track %s confirmed from %d sightings (confidence %.2f, ±%.0f m)%s", t.id(), t.sightingIds().size(),
                        t.confidence(), t.ellipse95().semiMajorM(), finder.isEmpty() ? "" : ", found by " + finder))
                .withTrack(t.id()).withVehicle(finder).withCode(finder.isEmpty() ? "TRACK_CONFIRMED" : "TRACK_CONFIRMED_BY")
                .withParams("track", t.id(), "sightings", t.sightingIds().size(),
                        "confidence", String.format(Locale.ROOT, "%.2f", t.confidence()),
                        "sigma_m", String.format(Locale.ROOT, "%.0f", t.ellipse95().semiMajorM()), "vehicle", finder));
        audit.append("automation", "track confirmed", t.id(), "incident " + incident.incidentId(), "CONFIRMED");
        Optional<Assignment> a = dispatcher.dispatch(incident.incidentId(), t.id(), at, incident.subjectDescription());
        if (a.isEmpty()) {
            incidents.record(incident.incidentId(), TimelineEntry.of(incidents.clock().instant(), TimelineKind.NOTE, "automation",
                    "no unit available for track " + t.id() + ": it will be sent as soon as one is").withTrack(t.id())
                    .withCode("NOTE_NO_UNIT_AVAILABLE").withParams("track", t.id()));
        }
        search.found(incident.incidentId(), t.id(), finder);
        if (!finder.isEmpty() && !overwatch.watching(t.id())) {
            overwatch.start(incident.incidentId(), t.id(), finder, at);
        }
    }

    /**
     * The track a unit is already sent to or on its way to for the incident, taken up as its response (null if none):
     * after a restart or a change of records leader this object starts empty while the dispatcher resumes the open
     * assignments, and a confirmed piece of the same subject must follow them, not send a second officer.
     */
    private String responseInFlight(String incidentId) {
        for (Assignment a : dispatcher.all()) {
            if (a.incidentId().equals(incidentId) && (a.state().open() || a.state() == AssignmentState.ARRIVED)) {
                responseTrackOf.putIfAbsent(a.trackId(), a.trackId());
                lastPositionOfResponse.putIfAbsent(a.trackId(), a.target());
                return a.trackId();
            }
        }
        return null;
    }

    /** The drone whose camera made the latest of the track's sightings. */
    private Optional<String> finderDrone(Track t) {
        List<String> ids = t.sightingIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<Sighting> s = feed.sighting(ids.get(i));
            if (s.isPresent() && s.get().sourceKind() == SourceKind.DRONE) {
                return Optional.of(s.get().sourceId());
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() throws Exception {
        feed.unsubscribe(listener);
        assignmentSubscription.close();
        incidentSubscription.close();
    }
}
