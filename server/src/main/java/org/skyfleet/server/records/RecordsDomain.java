package org.skyfleet.server.records;

import io.grpc.ServerServiceDefinition;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.dispatch.EtaModel;
import org.skyfleet.fleet.dispatch.RoadNetworkEta;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.fusion.Tracker;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.store.Store;
import org.skyfleet.server.automation.AutomationConfig;
import org.skyfleet.server.automation.DispatchTimeline;
import org.skyfleet.server.automation.SearchAutomation;
import org.skyfleet.server.automation.TrackResponse;
import org.skyfleet.server.dispatch.DispatchGrpcService;
import org.skyfleet.server.http.HttpHandler;
import org.skyfleet.server.incident.IncidentGrpcService;
import org.skyfleet.server.incident.IncidentWebhook;
import org.skyfleet.server.response.FirstResponse;
import org.skyfleet.server.response.ResponseGrpcService;
import org.skyfleet.server.sighting.SightingGrpcService;
import org.skyfleet.server.sighting.TrackFeed;
import org.skyfleet.server.sighting.TrackerTuning;

/**
 * Incidents, sightings and tracks, assignments, and the search and dispatch automation, with their gRPC
 * services and the call-taking webhook. Opening it loads what the store holds: the open incidents, the
 * live tracks (ids continue after the highest ever stored) and the open assignments (likewise), so a node
 * that restarts, or that takes over from another, carries on from the last committed write. Only one
 * node at a time may hold it open over a shared store.
 */
public final class RecordsDomain implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RecordsDomain.class.getName());

    private final ScheduledExecutorService automation;
    private final IncidentBook incidents;
    private final TrackFeed tracks;
    private final Dispatcher dispatcher;
    private final SearchAutomation search;
    private final TrackResponse trackResponse;
    private final FirstResponse firstResponse;
    private final List<ServerServiceDefinition> services;
    private final HttpHandler webhook;
    private final List<AutoCloseable> closeWith = new java.util.concurrent.CopyOnWriteArrayList<>();

    private RecordsDomain(RecordsContext c) {
        Store store = c.store();
        AutomationConfig config = c.automation();
        this.automation = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("skyfleet-automation", true));
        this.incidents = new IncidentBook(c.clock(), store.incidents());
        this.dispatcher = new Dispatcher(new UnitRoster(c.clock()), config.roads().isEmpty() ? EtaModel.straightLine()
                : new RoadNetworkEta(config.roads()), c.clock(), config.acknowledgeTimeout());
        dispatcher.resume(store.assignments().loadOpen(), store.assignments().highestAssignmentNumber());
        DispatchTimeline timeline = new DispatchTimeline(incidents, c.audit());
        dispatcher.subscribe(store.assignments()::save);
        dispatcher.subscribe(timeline::onAssignment);
        this.search = new SearchAutomation(incidents, c.registry(), c.missions(), c.commands(), c.leases(), c.audit(), c.clock(),
                automation, config.searchPolicy(), config.searchProfile(), c.airspace(), c.endurance(), c.docks(), c.batteries(),
                config.turnaround(), config.roads());
        this.tracks = new TrackFeed(new Tracker(TrackerTuning.forSearches()), c.clock(), store.sightings(), store.tracks());
        this.trackResponse = new TrackResponse(tracks, incidents, dispatcher, search, automation, c.audit());
        this.firstResponse = new FirstResponse(incidents, c.registry(), c.commands(), c.leases(), c.missions().book(), c.audit(),
                c.clock(), c.airspace(), search::vehiclesInUse, this::freshestTrack, c.response());
        this.services = List.of(
                new IncidentGrpcService(incidents, search, c.audit(), c.clock()).bindService(),
                new SightingGrpcService(tracks, incidents, search::incidentOfVehicle, c.clock()).bindService(),
                new DispatchGrpcService(dispatcher, firstResponse::viewUrl).bindService(),
                new org.skyfleet.server.aircraft.DockGrpcService(c.docks(), search, c.clock()).bindService(),
                new ResponseGrpcService(firstResponse).bindService());
        this.webhook = config.webhookSecret() == null ? null
                : new IncidentWebhook(incidents, c.audit(), c.clock());
    }

    /** Loads the records from {@code context}'s store and starts their automation. */
    public static RecordsDomain open(RecordsContext context) {
        long startNs = System.nanoTime();
        RecordsDomain d = new RecordsDomain(context);
        LOG.info(String.format("records open: %d open incidents, %d live tracks, %d open assignments in %.0f ms",
                d.incidents.list(false).size(), d.tracks.tracks().size(), d.dispatcher.all().size(),
                (System.nanoTime() - startNs) / 1e6));
        return d;
    }

    public IncidentBook incidents() {
        return incidents;
    }

    public TrackFeed tracks() {
        return tracks;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /** The search automation over these records. */
    public SearchAutomation search() {
        return search;
    }

    /** Drones sent to any call the response policy answers. */
    public FirstResponse firstResponse() {
        return firstResponse;
    }

    /** Where the incident's most recently updated live track is: a suspect on the move. */
    private Optional<org.skyfleet.planner.geo.GeoPoint> freshestTrack(String incidentId) {
        return tracks.tracks().stream()
                .filter(t -> t.incidentId().filter(incidentId::equals).isPresent()
                        && t.state() != org.skyfleet.fleet.fusion.TrackState.DROPPED)
                .max(java.util.Comparator.comparingLong(org.skyfleet.fleet.fusion.Track::lastUpdateMs))
                .map(t -> new org.skyfleet.planner.geo.GeoPoint(t.latDeg(), t.lonDeg()));
    }

    /** The incident, sighting, dispatch and response services over these records. */
    public List<ServerServiceDefinition> services() {
        return services;
    }

    /** The service with this name, e.g. {@code skyfleet.v1.IncidentService}. */
    public ServerServiceDefinition service(String serviceName) {
        return services.stream().filter(s -> s.getServiceDescriptor().getName().equals(serviceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the records serve no " + serviceName));
    }

    /** The call-taking webhook, if a secret was configured. */
    public Optional<HttpHandler> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** Closes {@code c} (a subscription to these records, say) when the records close. */
    public void closeWith(AutoCloseable c) {
        closeWith.add(c);
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeWith) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        automation.shutdownNow();
        // a decision still running writes to the store: it ends before the store it writes to is closed, else the
        // store closes under an open transaction (whose row lock H2 then never lets go of)
        try {
            automation.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable c : new AutoCloseable[] {firstResponse, trackResponse, search}) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }
}
