package org.skyfleet.server.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.InMemoryMissionTransfer;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.MissingPerson;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.incident.SearchAssignment;
import org.skyfleet.fleet.incident.SearchState;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.LostPersonStatistics;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.fleet.search.SubjectMobility;
import org.skyfleet.fleet.vehicle.AutopilotKind;
import org.skyfleet.fleet.vehicle.BatterySample;
import org.skyfleet.fleet.vehicle.FlightStatus;
import org.skyfleet.fleet.vehicle.LandedState;
import org.skyfleet.fleet.vehicle.LinkState;
import org.skyfleet.fleet.vehicle.PositionSample;
import org.skyfleet.fleet.vehicle.SystemStatus;
import org.skyfleet.fleet.vehicle.VehicleIdentity;
import org.skyfleet.fleet.vehicle.VehicleKind;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.server.Await;
import org.skyfleet.server.mission.MissionControl;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

/**
 * The live search plans over the map the search benchmark uses: roads attract probability, so a road near where
 * he was last seen draws the first sortie onto it; and the map diffuses with the time passed, so a segment searched
 * long ago is worth searching again.
 */
class LiveSearchMapTest {
    private static final GeoPoint CARE_HOME = new GeoPoint(53.3912, -1.8647);
    private static final LocalFrame FRAME = new LocalFrame(CARE_HOME);
    /** The east-west street he was last seen in, 60 m north of the care home. */
    private static final List<List<GeoPoint>> ROAD = List.of(List.of(FRAME.toGeo(-3000, 60), FRAME.toGeo(3000, 60)));
    private final Instant now = Instant.parse("2026-12-07T21:00:00Z");
    private final InstantSource clock = () -> now;
    private final ScheduledExecutorService automation = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        automation.shutdownNow();
    }

    @Test
    void aRoadNearTheLastKnownPointDrawsTheFirstSortieOntoIt() {
        Geometry roadCorridor = new GeometryFactory().createLineString(new Coordinate[] {new Coordinate(-3000, 60),
                new Coordinate(3000, 60)}).buffer(25);
        List<Geometry> withRoads = firstSortie(ROAD);
        List<Geometry> withoutRoads = firstSortie(List.of());
        assertThat(withRoads).as("a sortie of several segments").hasSizeGreaterThan(1)
                .allSatisfy(g -> assertThat(g.intersects(roadCorridor)).as("every segment of the sortie on the road").isTrue());
        assertThat(withoutRoads).as("without the road, the sortie spreads around the last known point")
                .anySatisfy(g -> assertThat(g.intersects(roadCorridor)).isFalse());
    }

    @Test
    void aSegmentSearchedLongAgoRegainsProbabilityBeforeTheNextAllocation() {
        DistanceQuantiles q = LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA);
        ProbabilityMap map = ProbabilityMap.around(CARE_HOME, q);
        // the segment east of the care home's, searched thoroughly (coverage 6): its neighbour keeps the most probability
        SearchSegment centre = SearchSegmentation.of(map, 250).stream().filter(s -> s.id().equals("E+1N+0")).findFirst().orElseThrow();
        ProbabilityMap searched = map.applySearchEffort(centre.local(), 300, 50);
        SearchRun run = new SearchRun("INC-1", q, searched, SearchSegmentation.of(searched, 250), 250);
        run.mobility = SubjectMobility.of(SubjectCategory.DEMENTIA);
        run.mapAt = now.minus(Duration.ofMinutes(60));
        double before = probability(run.map, centre.id());

        SearchPlanning.advanceMap(run, now);

        assertThat(run.mapAt).isEqualTo(now);
        assertThat(probability(run.map, centre.id())).as("probability walked back into the searched segment")
                .isGreaterThan(1.5 * before);
        assertThat(run.map.probabilityInsideMap() + run.map.probabilityOutsideMap()).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static double probability(ProbabilityMap map, String segmentId) {
        return SearchSegmentation.of(map, 250).stream().filter(s -> s.id().equals(segmentId)).findFirst().orElseThrow().probability();
    }

    /** Plans a search for a man last seen 20 minutes before the call, and answers the segments of its first sortie. */
    private List<Geometry> firstSortie(List<List<GeoPoint>> roads) {
        VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
        GeoPoint pad = FRAME.toGeo(0, -100);
        registry.register(new VehicleState(new VehicleIdentity("drone-1", VehicleKind.MULTICOPTER, AutopilotKind.PX4, 1, "peer"),
                new FlightStatus(LinkState.CONNECTED, now, false, "HOLD", SystemStatus.STANDBY, LandedState.ON_GROUND),
                new PositionSample(pad.latDeg(), pad.lonDeg(), 300, 0, 0, 0, 0, 0, now), null,
                new BatterySample(95, 15.2, 10, now), null, null, null, 0), now);
        AuditJournal audit = new AuditJournal(clock);
        IncidentBook incidents = new IncidentBook(clock);
        ControlLeases leases = new ControlLeases(clock);
        ScriptedVehicleCommands commands = new ScriptedVehicleCommands();
        MissionControl missions = new MissionControl(registry, leases, commands, new InMemoryMissionTransfer(), new MissionBook(), audit,
                clock);
        SearchAutomation search = new SearchAutomation(incidents, registry, missions, commands, leases, audit, clock, automation,
                SearchPolicy.defaults(), SearchProfile.defaults(), () -> Airspace.OPEN, org.skyfleet.fleet.airframe.EnduranceSource.NONE,
                new org.skyfleet.fleet.dock.DockBook(), null, TurnaroundPolicy.defaults(), roads);
        String id = incidents.create(new NewIncident("CAD-ROAD", IncidentType.MISSING_PERSON, IncidentPriority.P1, CARE_HOME,
                "man, 82, dementia", new MissingPerson(CARE_HOME, now.minus(Duration.ofMinutes(20)), SubjectCategory.DEMENTIA, 82),
                now), "dispatcher").incident().incidentId();
        Await.until(Duration.ofSeconds(20), "the search planned", () -> incidents.get(id).search().state() != SearchState.NONE);
        List<SearchAssignment> planned = incidents.get(id).search().assignments();
        assertThat(planned).hasSize(1);
        var segments = search.map(id).getSegmentsList();
        return planned.get(0).segmentIds().stream().map(segmentId -> {
            var segment = segments.stream().filter(s -> s.getSegmentId().equals(segmentId)).findFirst().orElseThrow();
            Coordinate[] ring = segment.getArea().getOuterList().stream()
                    .map(p -> FRAME.toLocal(new GeoPoint(p.getLatDeg(), p.getLonDeg()))).toArray(Coordinate[]::new);
            Coordinate[] closed = java.util.Arrays.copyOf(ring, ring.length + 1);
            closed[ring.length] = ring[0];
            return (Geometry) new GeometryFactory().createPolygon(closed);
        }).toList();
    }
}
