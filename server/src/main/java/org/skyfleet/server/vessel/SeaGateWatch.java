package org.skyfleet.server.vessel;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.geofence.Geofences;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vessel.SeaGateAlert;
import org.skyfleet.fleet.vessel.SeaGateRules;
import org.skyfleet.fleet.vessel.SeaGateZones;
import org.skyfleet.fleet.vessel.Vessel;
import org.skyfleet.server.automation.SearchPolicy;
import org.skyfleet.server.sighting.TrackFeed;
import org.skyfleet.server.vessel.VesselAlertRecord.State;

/**
 * Runs the sea gate's rules over the vessels and acts on what they raise: each alert becomes an incident
 * (type OTHER, P2, at the vessel's predicted position) whose timeline carries it, and a drone check that
 * launches at once or waits for a pilot's approval as the search policy says for such an incident. Vessel
 * updates are conflated per vessel and taken once a second; the rules' clock ticks every 5 s. All of it on one
 * thread of its own.
 */
public final class SeaGateWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SeaGateWatch.class.getName());
    /** Alerts remembered for ListVesselAlerts; the oldest settled ones go first beyond this. */
    static final int MAX_ALERTS = 1000;
    static final IncidentType INCIDENT_TYPE = IncidentType.OTHER;
    static final IncidentPriority INCIDENT_PRIORITY = IncidentPriority.P2;

    /** What the watch acts with: records (when this node holds them), vehicles to fly, the policy. */
    public record Context(Geofences geofences, Supplier<Optional<IncidentBook>> incidents, Supplier<Optional<TrackFeed>> tracks,
                          VehicleRegistry vehicles, VehicleCommands commands, ControlLeases leases, AuditJournal audit,
                          SearchPolicy policy, InstantSource clock) {
    }

    private final Context c;
    private final org.skyfleet.fleet.vessel.VesselRegistry vessels;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("skyfleet-seagate", true));
    private final Map<Long, Vessel> pending = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong updatesTaken = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, VesselAlertRecord> alerts = new LinkedHashMap<>();
    private final SeaGateRules rules;
    private final VesselCheck check;
    private final AutoCloseable vesselSubscription;
    private final AutoCloseable zoneSubscription;
    private volatile SeaGateZones zones;
    private volatile List<VesselAlertRecord> published = List.of();
    private TrackFeed subscribedFeed;
    private final java.util.function.Consumer<TrackUpdate> trackListener = u -> thread.execute(() -> onTrack(u));

    public SeaGateWatch(Context context, org.skyfleet.fleet.vessel.VesselRegistry vessels, SeaGateRules.Limits limits) {
        this.c = context;
        this.vessels = vessels;
        this.zones = SeaGateZones.of(context.geofences().all());
        this.zoneSubscription = context.geofences().onChange(id -> zones = SeaGateZones.of(context.geofences().all()));
        this.rules = new SeaGateRules(() -> zones, limits);
        this.check = new VesselCheck(context.vehicles(), context.commands(), context.leases(), context.audit(), context.clock(),
                thread, VesselCheck.Limits.defaults(), new VesselCheck.Outcomes() {
                    @Override
                    public void update(String alertId, State state, String droneId, String outcome) {
                        VesselAlertRecord r = alerts.get(alertId);
                        if (r != null) {
                            put(r.with(state, droneId, outcome));
                        }
                    }

                    @Override
                    public Optional<IncidentBook> incidents() {
                        return c.incidents().get();
                    }
                });
        this.vesselSubscription = vessels.subscribe(v -> pending.put(v.mmsi(), v));
        thread.scheduleWithFixedDelay(guarded(this::takeUpdates), 1, 1, TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(guarded(this::tick), 5, 5, TimeUnit.SECONDS);
    }

    /** Every alert remembered, oldest first. */
    public List<VesselAlertRecord> alerts() {
        return published;
    }

    /** Approves an alert's waiting drone check. @throws java.util.NoSuchElementException, IllegalStateException */
    public VesselAlertRecord approve(Operator caller, String alertId, String reason) {
        return onThread(() -> {
            VesselAlertRecord r = waiting(alertId);
            note(r, TimelineKind.SEARCH_APPROVED, caller.toString(), "drone check approved" + (reason.isBlank() ? "" : ": " + reason));
            c.audit().append(caller.toString(), "vessel check approve", "", alertId + " " + reason, "APPROVED");
            check.launch(r, caller);
            return alerts.get(alertId);
        });
    }

    /** Declines an alert's waiting drone check. */
    public VesselAlertRecord reject(Operator caller, String alertId, String reason) {
        return onThread(() -> {
            VesselAlertRecord r = waiting(alertId);
            note(r, TimelineKind.SEARCH_REJECTED, caller.toString(), "drone check rejected" + (reason.isBlank() ? "" : ": " + reason));
            c.audit().append(caller.toString(), "vessel check reject", "", alertId + " " + reason, "REJECTED");
            put(r.with(State.REJECTED, "", "rejected by " + caller));
            return alerts.get(alertId);
        });
    }

    /** Vessel updates the rules have taken (after conflation). */
    public long updatesTaken() {
        return updatesTaken.get();
    }

    /** Drones flying vessel checks now. */
    public java.util.Set<String> checkingDrones() {
        return onThread(check::drones);
    }

    private VesselAlertRecord waiting(String alertId) {
        VesselAlertRecord r = alerts.get(alertId);
        if (r == null) {
            throw new java.util.NoSuchElementException("no vessel alert " + alertId + "; ListVesselAlerts shows them");
        }
        if (r.state() != State.AWAITING_APPROVAL) {
            throw new IllegalStateException("alert " + alertId + " has no drone check waiting for approval (it is " + r.state() + ")");
        }
        return r;
    }

    private void takeUpdates() {
        subscribeTracks();
        java.time.Instant now = c.clock().instant();
        for (Long mmsi : List.copyOf(pending.keySet())) {
            Vessel v = pending.remove(mmsi);
            if (v != null) {
                rules.onVessel(v, now).forEach(this::raise);
                updatesTaken.incrementAndGet();
            }
        }
    }

    private void tick() {
        rules.tick(vessels.all(), c.clock().instant()).forEach(this::raise);
        check.tick(alerts);
        // checks the policy launched (or a pilot approved) that found no drone yet: try again
        for (VesselAlertRecord r : List.copyOf(alerts.values())) {
            if (r.state() == State.OPEN && r.outcome().startsWith("waiting for a free drone")) {
                check.launch(r, null);
            }
        }
    }

    private void raise(SeaGateAlert a) {
        String incidentId = c.incidents().get().map(book -> book.create(new NewIncident("seagate:" + a.alertId() + ":" + a.mmsi(),
                INCIDENT_TYPE, INCIDENT_PRIORITY, a.predicted(), a.detail(), null, a.raisedAt()), VesselCheck.OPERATOR.subject())
                .incident().incidentId()).orElse("");
        VesselAlertRecord r = new VesselAlertRecord(a, State.OPEN, incidentId, "", "");
        put(r);
        c.audit().append(VesselCheck.OPERATOR.toString(), "vessel alert " + a.kind().name().toLowerCase(), "",
                a.alertId() + " MMSI " + a.mmsi() + ": " + a.detail(), "RAISED");
        if (c.policy().launchesAutomatically(INCIDENT_TYPE, INCIDENT_PRIORITY)) {
            check.launch(r, null);
        } else {
            put(r.with(State.AWAITING_APPROVAL, "", ""));
            note(r, TimelineKind.SEARCH_AWAITING_APPROVAL, VesselCheck.OPERATOR.subject(),
                    "drone check of MMSI " + a.mmsi() + " waits for a pilot's approval (ApproveVesselCheck " + a.alertId() + ")");
        }
    }

    private void onTrack(TrackUpdate u) {
        if (subscribedFeed != null) {
            check.onTrack(u.track(), subscribedFeed::sighting, alerts);
        }
    }

    /** The records may open after the sea gate (or move, in a cluster): follow the tracks of whichever holds them. */
    private void subscribeTracks() {
        TrackFeed feed = c.tracks().get().orElse(null);
        if (feed == subscribedFeed) {
            return;
        }
        if (subscribedFeed != null) {
            subscribedFeed.unsubscribe(trackListener);
        }
        subscribedFeed = feed;
        if (feed != null) {
            feed.subscribe(trackListener, snapshot -> { });
        }
    }

    private void note(VesselAlertRecord r, TimelineKind kind, String actor, String text) {
        if (!r.incidentId().isEmpty()) {
            c.incidents().get().ifPresent(book -> book.record(r.incidentId(), TimelineEntry.of(c.clock().instant(), kind, actor, text)));
        }
    }

    private void put(VesselAlertRecord r) {
        alerts.put(r.alert().alertId(), r);
        if (alerts.size() > MAX_ALERTS) {
            alerts.values().stream().filter(VesselAlertRecord::settled).findFirst()
                    .ifPresent(old -> alerts.remove(old.alert().alertId()));
        }
        published = List.copyOf(new ArrayList<>(alerts.values()));
    }

    private <T> T onThread(java.util.concurrent.Callable<T> work) {
        try {
            return thread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the sea gate is busy; try again");
        }
    }

    private static Runnable guarded(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sea gate rule pass failed; the next one runs as usual", e);
            }
        };
    }

    @Override
    public void close() throws Exception {
        vesselSubscription.close();
        zoneSubscription.close();
        if (subscribedFeed != null) {
            subscribedFeed.unsubscribe(trackListener);
        }
        thread.shutdownNow();
    }
}
