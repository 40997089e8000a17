package org.skyfleet.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.InMemoryMissionTransfer;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.dispatch.EtaModel;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Tracker;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.server.Await;
import org.skyfleet.server.mission.MissionControl;
import org.skyfleet.server.sighting.TrackFeed;
import org.skyfleet.server.sighting.TrackerTuning;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

/**
 * Two drones seeing one man, at the response: one officer is sent. Drone 2 places him 12 m from where drone 1 does,
 * so the fusion holds two confirmed pieces of him for a while; and between the two confirmations the records change
 * hands (a restart, a new records leader), so the response that sent the officer is a fresh one that knows only
 * what the dispatcher resumed. It takes up the officer already on the way; when the pieces merge, that one track
 * goes on.
 */
class OnePersonOneOfficerTest {
    private static final GeoPoint HIM = new GeoPoint(53.3924, -1.8632);
    private final InstantSource clock = InstantSource.system();
    private final ScheduledExecutorService automation = Executors.newSingleThreadScheduledExecutor();
    private final AuditJournal audit = new AuditJournal(clock);
    private final IncidentBook incidents = new IncidentBook(clock);
    private final Dispatcher dispatcher = new Dispatcher(new UnitRoster(clock), EtaModel.straightLine(), clock, Duration.ofMinutes(5));
    private final TrackFeed feed = new TrackFeed(new Tracker(TrackerTuning.forSearches()), clock);
    private final SearchAutomation search;
    private final LocalFrame frame = new LocalFrame(HIM);

    OnePersonOneOfficerTest() {
        VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
        ControlLeases leases = new ControlLeases(clock);
        ScriptedVehicleCommands commands = new ScriptedVehicleCommands();
        MissionControl missions = new MissionControl(registry, leases, commands, new InMemoryMissionTransfer(), new MissionBook(), audit,
                clock);
        search = new SearchAutomation(incidents, registry, missions, commands, leases, audit, clock, automation, SearchPolicy.defaults(),
                SearchProfile.defaults(), () -> Airspace.OPEN);
    }

    @AfterEach
    void stop() {
        automation.shutdownNow();
    }

    private Sighting seen(String drone, int n, long atMs, double eastM, String incidentId) {
        GeoPoint g = frame.toGeo(eastM, 0);
        return Sighting.of(drone + "-" + n, SourceKind.DRONE, drone, atMs, g.latDeg(), g.lonDeg(), 2, TargetClass.PERSON, 0.8)
                .withIncident(incidentId);
    }

    @Test
    void twoDronesTwoPiecesOfTrackAChangeOfRecordsHolderAndStillOneOfficer() throws Exception {
        String id = incidents.create(new NewIncident("CAD-22-2", IncidentType.MISSING_PERSON, IncidentPriority.P1, HIM,
                "man, 82, dementia", new org.skyfleet.fleet.incident.MissingPerson(HIM, clock.instant(),
                org.skyfleet.fleet.search.SubjectCategory.DEMENTIA, 82), clock.instant()), "dispatcher").incident().incidentId();
        for (int i = 1; i <= 2; i++) {
            GeoPoint at = frame.toGeo(300 * i, 200);
            dispatcher.roster().report("officer-" + i, UnitType.OFFICER_ON_FOOT, "Hotel 2" + i, at, 5, UnitStatus.AVAILABLE, clock.instant());
        }
        TrackResponse first = new TrackResponse(feed, incidents, dispatcher, search, automation, audit);
        long t0 = Instant.now().toEpochMilli();
        for (int i = 0; i < 4; i++) {
            feed.report(seen("drone-1", i, t0 + 2000L * i, 0, id));
        }
        Await.until(Duration.ofSeconds(10), "an officer sent to drone 1's track", () -> dispatcher.all().size() == 1);
        first.close();

        // the records change hands: a new response, the dispatcher's open assignment resumed
        TrackResponse second = new TrackResponse(feed, incidents, dispatcher, search, automation, audit);
        for (int i = 0; i < 3; i++) {
            feed.report(seen("drone-2", i, t0 + 7000 + 2000L * i, 12, id));
        }
        Await.until(Duration.ofSeconds(10), "drone 2's own piece confirmed", () -> feed.tracks().size() == 2
                && feed.tracks().stream().allMatch(t -> t.state() == org.skyfleet.fleet.fusion.TrackState.CONFIRMED));
        // drone 2 again, 40 s on: the pieces merge into drone 1's track, which the officer follows
        feed.report(seen("drone-2", 3, t0 + 51_000, 12, id));
        Await.until(Duration.ofSeconds(10), "the pieces merged", () -> feed.tracks().size() == 1);
        String kept = feed.tracks().get(0).id();
        // every step of the response runs on the automation thread: once it has run this, it has run the rest
        automation.submit(() -> null).get();
        assertThat(dispatcher.all()).as("one man, one officer").hasSize(1);
        assertThat(dispatcher.all().get(0).trackId()).isEqualTo(kept);
        second.close();
    }
}
