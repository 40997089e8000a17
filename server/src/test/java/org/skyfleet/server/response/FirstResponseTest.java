package org.skyfleet.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.CommandVerb;
import org.skyfleet.fleet.command.ScriptedVehicleCommands;
import org.skyfleet.fleet.command.VehicleCommand;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.event.VehicleHealthRules;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentPriority;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.NewIncident;
import org.skyfleet.fleet.incident.TimelineEntry;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.response.ResponsePolicy;
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
import org.skyfleet.planner.airspace.AirspaceZone;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GeoPolygon;
import org.skyfleet.server.Await;
import org.skyfleet.telemetry.bus.InProcessFleetBus;

/**
 * The parts of the first response the end-to-end test's two free drones never reach, on its own thread with a clock
 * the test moves and vehicles that answer at once: more calls than drones (the queue by priority), a call that waits
 * for a person's approval (and is escalated when nobody gives it), and a suspect on the move (the orbit and the
 * camera follow a track, but not into a no-fly zone). Noon in Ningbo, so the night rule never refuses.
 */
class FirstResponseTest {
    private static final GeoPoint DOCK = new GeoPoint(29.872, 121.556);
    private static final double M_PER_DEG = 111_320.0;
    private static final Operator CHIEF = new Operator("chief", Operator.Role.COMMANDER);
    /** A no-fly zone 300 m across, 800 m north of the dock. */
    private static final AirspaceZone HOSPITAL = AirspaceZone.of("hospital helipad", GeoPolygon.of(List.of(at(650, -150),
            at(650, 150), at(950, 150), at(950, -150))));

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T04:00:00Z"));
    /** How often the response's own thread read the time: each of its 5 Hz ticks does, first thing. */
    private final AtomicInteger responseClockReads = new AtomicInteger();
    private final InstantSource clock = () -> {
        if (Thread.currentThread().getName().equals("skyfleet-first-response")) {
            responseClockReads.incrementAndGet();
        }
        return now.get();
    };
    private final VehicleRegistry registry = new VehicleRegistry(new InProcessFleetBus(), VehicleHealthRules.defaults());
    private final ScriptedVehicleCommands commands = new ScriptedVehicleCommands().connect("dock-1").connect("dock-2");
    private final IncidentBook incidents = new IncidentBook(clock);
    private final Map<String, GeoPoint> tracks = new ConcurrentHashMap<>();
    private final AtomicInteger trackReads = new AtomicInteger();
    private final List<FirstResponse.Alert> alerts = new CopyOnWriteArrayList<>();
    private FirstResponse response;
    /** The video's watches: vehicle id, from when, and whom to tell. */
    private record Watch(String vehicleId, Instant notBefore, java.util.function.Consumer<Instant> then) {
    }

    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final FirstFrames frames = (vehicleId, notBefore, then) -> {
        Watch w = new Watch(vehicleId, notBefore, then);
        watches.add(w);
        return () -> watches.remove(w);
    };
    private final Map<String, org.skyfleet.fleet.weather.MeasuredWind> wind = new ConcurrentHashMap<>();

    private void start(ResponsePolicy policy) {
        start(ResponseConfig.defaults().withPolicy(policy));
    }

    private void start(ResponseConfig config) {
        response = new FirstResponse(incidents, registry, commands, new ControlLeases(clock), new MissionBook(), new AuditJournal(clock),
                clock, () -> new Airspace(List.of(), List.of(HOSPITAL), 0, 120), Set::of, id -> {
                    trackReads.incrementAndGet();
                    return Optional.ofNullable(tracks.get(id));
                }, config.withFirstFrames(frames).withWind(id -> Optional.ofNullable(wind.get(id))));
        response.onAlert(alerts::add);
    }

    @AfterEach
    void stop() throws Exception {
        if (response != null) {
            response.close();
        }
    }

    @Test
    void moreCallsThanDronesWaitAndTheFreedDroneGoesToTheMostUrgentWaitingCall() {
        start(ResponsePolicy.defaults());
        drone("dock-1", at(0, 0), 0, false);
        drone("dock-2", at(0, -30), 0, false);
        String crash = call(IncidentType.TRAFFIC, IncidentPriority.P2, at(0, 500));
        String theft = call(IncidentType.SUSPECT, IncidentPriority.P2, at(0, -500));
        awaitState(crash, "FLYING");
        awaitState(theft, "FLYING");
        String minor = call(IncidentType.TRAFFIC, IncidentPriority.P2, at(500, 0));
        awaitState(minor, "QUEUED");
        now.set(now.get().plusSeconds(5));
        String fire = call(IncidentType.FIRE, IncidentPriority.P1, at(-500, 0));
        awaitState(fire, "QUEUED");
        assertThat(codes(minor)).contains("NOTE_RESPONSE_QUEUED");
        assertThat(codes(fire)).contains("NOTE_RESPONSE_QUEUED");
        assertThat(vehicle(crash)).isEqualTo("dock-1");
        assertThat(vehicle(theft)).isEqualTo("dock-2");

        // the crash is cleared: dock-1 (home again, on the ground) goes to the fire, the older but less urgent call waits on
        response.release(crash, CHIEF, "scene cleared");
        Await.until(Duration.ofSeconds(5), "dock-1 armed for its second call",
                () -> sent("dock-1").stream().filter(c -> c.verb() == CommandVerb.ARM).count() == 2);
        assertThat(response.state(fire)).isEqualTo("FLYING");
        assertThat(vehicle(fire)).isEqualTo("dock-1");
        assertThat(response.state(minor)).isEqualTo("QUEUED");
        assertThat(vehicle(theft)).as("never taken from the call it flies for").isEqualTo("dock-2");
        assertThat(codes(theft)).doesNotContain("DRONE_RESPONSE_RELEASED", "NOTE_RESPONSE_QUEUED");
        // each drone launched once per call it flew for: no drone went back and forth between two calls
        assertThat(sent("dock-1")).filteredOn(c -> c.verb() == CommandVerb.ARM).hasSize(2);
        assertThat(sent("dock-2")).filteredOn(c -> c.verb() == CommandVerb.ARM).hasSize(1);
        assertThat(sent("dock-2")).extracting(VehicleCommand::verb).doesNotContain(CommandVerb.RETURN_TO_LAUNCH);
    }

    @Test
    void aCallOnApprovalWaitsIsEscalatedWhenNobodyApprovesAndLaunchesWhenApproved() {
        ResponsePolicy d = ResponsePolicy.defaults();
        start(new ResponsePolicy(d.modes(), Duration.ofSeconds(30), d.altitudeRelM(), d.orbitRadiusM(), d.orbitSpeedMps(),
                d.onSceneRadiusM(), d.maxRangeM(), d.holdOnSceneS(), d.reservePercent()));
        drone("dock-1", at(0, 0), 0, false);
        String fight = call(IncidentType.DISTURBANCE, IncidentPriority.P2, at(0, 400));
        awaitState(fight, "AWAITING_APPROVAL");
        assertThat(codes(fight)).contains("NOTE_RESPONSE_AWAITING_APPROVAL");
        assertThat(commands.sent()).as("nothing flies before the approval").isEmpty();

        now.set(now.get().plusSeconds(29));
        int reads = responseClockReads.get();
        Await.until(Duration.ofSeconds(5), "a whole tick at 29 s", () -> responseClockReads.get() >= reads + 2);
        assertThat(codes(fight)).doesNotContain("NOTE_RESPONSE_ESCALATED");
        now.set(now.get().plusSeconds(1));
        Await.until(Duration.ofSeconds(5), "the escalation after 30 s", () -> codes(fight).contains("NOTE_RESPONSE_ESCALATED"));
        assertThat(alerts).extracting(FirstResponse.Alert::code).containsExactly("NOTE_RESPONSE_ESCALATED");
        assertThat(commands.sent()).isEmpty();

        response.approve(fight, CHIEF, "crowd growing");
        assertThat(response.state(fight)).isEqualTo("FLYING");
        assertThat(codes(fight)).contains("NOTE_RESPONSE_APPROVED", "DRONE_RESPONSE_LAUNCHED");
        assertThat(sent("dock-1")).extracting(VehicleCommand::verb).containsExactly(CommandVerb.ARM, CommandVerb.TAKEOFF);
    }

    @Test
    void theOrbitAndTheCameraFollowTheSuspectsTrackButNotIntoANoFlyZone() {
        start(ResponsePolicy.defaults());
        drone("dock-1", at(0, 0), 0, false);
        GeoPoint shop = at(300, 300);
        String theft = call(IncidentType.SUSPECT, IncidentPriority.P1, shop);
        awaitState(theft, "FLYING");
        drone("dock-1", shop, 60, true);
        awaitState(theft, "ON_SCENE");
        Await.until(Duration.ofSeconds(5), "orbit and camera on the shop", () -> near(lastCentre(CommandVerb.ORBIT), shop)
                && near(lastCentre(CommandVerb.ROI), shop));

        // a sighting 100 m up the street: the circle and the camera move there
        GeoPoint street = at(400, 300);
        tracks.put(theft, street);
        Await.until(Duration.ofSeconds(5), "orbit and camera on the street", () -> near(lastCentre(CommandVerb.ORBIT), street)
                && near(lastCentre(CommandVerb.ROI), street));
        assertThat(sent("dock-1")).filteredOn(c -> c.verb() == CommandVerb.ROI).last()
                .satisfies(c -> assertThat(c.altRelM()).as("at the ground").isZero());

        // then into the hospital's no-fly zone: the drone keeps its last allowed circle, camera and all
        int reads = trackReads.get();
        tracks.put(theft, at(800, 0));
        Await.until(Duration.ofSeconds(5), "the track read twice in the zone", () -> trackReads.get() >= reads + 2);
        assertThat(near(lastCentre(CommandVerb.ORBIT), street)).as("orbit still on the street").isTrue();
        assertThat(near(lastCentre(CommandVerb.ROI), street)).as("camera still on the street").isTrue();
    }

    @Test
    void theFirstVideoIsTheFirstFrameOfTheDronesFeedHandedToAViewerOnceItIsOnScene() {
        start(ResponsePolicy.defaults());
        drone("dock-1", at(0, 0), 0, false);
        GeoPoint crash = at(0, 400);
        String traffic = call(IncidentType.TRAFFIC, IncidentPriority.P1, crash);
        awaitState(traffic, "FLYING");
        assertThat(watches).as("no video watched before the scene").isEmpty();
        now.set(now.get().plusSeconds(40));
        Instant onScene = now.get();
        drone("dock-1", crash, 60, true);
        awaitState(traffic, "ON_SCENE");
        Await.until(Duration.ofSeconds(5), "the drone's feed watched from on scene", () -> !watches.isEmpty());
        assertThat(watches).singleElement().satisfies(w -> {
            assertThat(w.vehicleId()).isEqualTo("dock-1");
            assertThat(w.notBefore()).isEqualTo(onScene);
        });
        assertThat(response.timeToScene(traffic).reached(org.skyfleet.fleet.response.ResponseStage.FIRST_VIDEO)).isFalse();

        // the console opens the feed; its first frame is handed over 2.5 s later
        Instant firstFrame = onScene.plusMillis(2500);
        watches.get(0).then().accept(firstFrame);
        // the stage is stamped just before the timeline entry is written on the response thread: wait for both
        Await.until(Duration.ofSeconds(5), "first video stamped and written", () -> response.timeToScene(traffic)
                .reached(org.skyfleet.fleet.response.ResponseStage.FIRST_VIDEO) && codes(traffic).contains("DRONE_RESPONSE_VIDEO"));
        assertThat(response.timeToScene(traffic).stages().get(org.skyfleet.fleet.response.ResponseStage.FIRST_VIDEO))
                .isEqualTo(firstFrame);
        assertThat(codes(traffic)).contains("DRONE_RESPONSE_VIDEO");
        watches.get(0).then().accept(firstFrame.plusSeconds(1)); // a late second call changes nothing
        response.release(traffic, CHIEF, "cleared");
        assertThat(watches).as("the watch ends with the response").isEmpty();
        assertThat(response.timeToScene(traffic).stages().get(org.skyfleet.fleet.response.ResponseStage.FIRST_VIDEO))
                .isEqualTo(firstFrame);
    }

    @Test
    void aDronesOwnFreshWindAboveItsAirframesLimitRefusesTheCallWithTheWind() {
        start(ResponsePolicy.defaults());
        drone("dock-1", at(0, 0), 0, false);
        // an old gale no longer counts: a drone without a profile may fly up to 10 m/s
        wind.put("dock-1", new org.skyfleet.fleet.weather.MeasuredWind("dock-1", 15, 270, now.get().minusSeconds(180)));
        String calm = call(IncidentType.TRAFFIC, IncidentPriority.P1, at(0, 400));
        awaitState(calm, "FLYING");
        response.release(calm, CHIEF, "cleared");
        drone("dock-1", at(0, 0), 0, false);
        wind.put("dock-1", new org.skyfleet.fleet.weather.MeasuredWind("dock-1", 10.5, 270, now.get()));
        String windy = call(IncidentType.TRAFFIC, IncidentPriority.P1, at(0, -400));
        awaitState(windy, "REFUSED");
        TimelineEntry refusal = incidents.get(windy).timeline().stream()
                .filter(e -> e.code().equals("NOTE_RESPONSE_REFUSED_WIND")).findFirst().orElseThrow();
        assertThat(refusal.params()).containsEntry("wind_m_s", "10.5").containsEntry("limit_m_s", "10.0");
        assertThat(alerts).extracting(FirstResponse.Alert::code).contains("NOTE_RESPONSE_REFUSED_WIND");
    }

    @Test
    void aPolicySetOverTheApiIsKeptInTheJdbcStoreAndInForceAfterARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ResponsePolicy stricter = ResponsePolicy.defaults().with(IncidentType.FIRE, IncidentPriority.P1,
                org.skyfleet.fleet.response.LaunchMode.ON_APPROVAL);
        try (org.skyfleet.fleet.store.jdbc.JdbcStore store = org.skyfleet.fleet.store.jdbc.JdbcStore.openEmbedded(dir)) {
            start(new ResponseConfig(ResponsePolicy.defaults(), store.responsePolicies(), v -> Optional.empty(), FirstFrames.NONE,
                    org.skyfleet.fleet.weather.WindMeasurements.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
            assertThat(response.policy().mode(IncidentType.FIRE, IncidentPriority.P1)).isEqualTo(org.skyfleet.fleet.response.LaunchMode.AUTO);
            response.setPolicy(stricter, new Operator("ops", Operator.Role.ADMIN));
            response.close();
        }
        try (org.skyfleet.fleet.store.jdbc.JdbcStore store = org.skyfleet.fleet.store.jdbc.JdbcStore.openEmbedded(dir)) {
            start(new ResponseConfig(ResponsePolicy.defaults(), store.responsePolicies(), v -> Optional.empty(), FirstFrames.NONE,
                    org.skyfleet.fleet.weather.WindMeasurements.NONE, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
            assertThat(response.policy().mode(IncidentType.FIRE, IncidentPriority.P1))
                    .isEqualTo(org.skyfleet.fleet.response.LaunchMode.ON_APPROVAL);
            assertThat(store.responsePolicies().load().orElseThrow().setBy()).contains("ops");
            drone("dock-1", at(0, 0), 0, false);
            String fire = call(IncidentType.FIRE, IncidentPriority.P1, at(0, 400));
            awaitState(fire, "AWAITING_APPROVAL");
            response.close();
            response = null;
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private String call(IncidentType type, IncidentPriority priority, GeoPoint where) {
        return incidents.create(new NewIncident("", type, priority, where, "110 call", null, null), "desk-3").incident().incidentId();
    }

    private void awaitState(String incidentId, String state) {
        Await.until(Duration.ofSeconds(5), incidentId + " " + state, () -> {
            try {
                return response.state(incidentId).equals(state);
            } catch (java.util.NoSuchElementException e) {
                return false; // the call is on its way to the response thread
            }
        });
    }

    private String vehicle(String incidentId) {
        return response.timeToScene(incidentId).vehicleId();
    }

    private List<String> codes(String incidentId) {
        return incidents.get(incidentId).timeline().stream().map(TimelineEntry::code).toList();
    }

    private List<VehicleCommand> sent(String id) {
        return commands.sent().stream().filter(s -> s.vehicleId().equals(id)).map(ScriptedVehicleCommands.Sent::command).toList();
    }

    private GeoPoint lastCentre(CommandVerb verb) {
        return sent("dock-1").stream().filter(c -> c.verb() == verb).reduce((a, b) -> b)
                .map(c -> new GeoPoint(c.latDeg(), c.lonDeg())).orElse(new GeoPoint(0, 0));
    }

    private static boolean near(GeoPoint a, GeoPoint b) {
        return org.skyfleet.planner.geo.GreatCircle.distanceM(a, b) < 0.01;
    }

    private void drone(String id, GeoPoint at, double altM, boolean flying) {
        Instant t = now.get();
        VehicleState s = new VehicleState(new VehicleIdentity(id, VehicleKind.MULTICOPTER, AutopilotKind.PX4, id.length(), "peer"),
                new FlightStatus(LinkState.CONNECTED, t, flying, flying ? "POSCTL" : "HOLD", SystemStatus.ACTIVE,
                        flying ? LandedState.IN_AIR : LandedState.ON_GROUND),
                new PositionSample(at.latDeg(), at.lonDeg(), 5 + altM, altM, 0, 0, 0, 0, t), null,
                new BatterySample(100, 16.8, 10, t), null, null, null, 0);
        if (registry.find(id).isPresent()) {
            registry.update(id, x -> s, t);
        } else {
            registry.register(s, t);
        }
    }

    private static GeoPoint at(double northM, double eastM) {
        return new GeoPoint(DOCK.latDeg() + northM / M_PER_DEG,
                DOCK.lonDeg() + eastM / (M_PER_DEG * Math.cos(Math.toRadians(DOCK.latDeg()))));
    }
}
