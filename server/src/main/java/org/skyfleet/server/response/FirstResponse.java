package org.skyfleet.server.response;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.skyfleet.fleet.audit.AuditJournal;
import org.skyfleet.fleet.command.VehicleCommands;
import org.skyfleet.fleet.control.ControlLeases;
import org.skyfleet.fleet.control.LeaseConflictException;
import org.skyfleet.fleet.control.Operator;
import org.skyfleet.fleet.incident.Incident;
import org.skyfleet.fleet.incident.IncidentBook;
import org.skyfleet.fleet.incident.IncidentChange;
import org.skyfleet.fleet.incident.IncidentType;
import org.skyfleet.fleet.incident.TimelineKind;
import org.skyfleet.fleet.mission.MissionBook;
import org.skyfleet.fleet.response.CallConditions;
import org.skyfleet.fleet.response.Daylight;
import org.skyfleet.fleet.response.LaunchMode;
import org.skyfleet.fleet.response.Refusal;
import org.skyfleet.fleet.response.Responder;
import org.skyfleet.fleet.response.ResponderChoice;
import org.skyfleet.fleet.response.ResponderRules;
import org.skyfleet.fleet.response.ResponsePolicy;
import org.skyfleet.fleet.response.ResponseRoute;
import org.skyfleet.fleet.response.ResponseStage;
import org.skyfleet.fleet.response.TimeToScene;
import org.skyfleet.fleet.vehicle.VehicleRegistry;
import org.skyfleet.fleet.vehicle.VehicleState;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.GreatCircle;

/**
 * Puts a drone over any call the policy says to: on a new incident (not a missing person, which the search
 * automation answers) the scene is checked against the zones, the nearest drone that passes the rules (range,
 * battery, wind, night) is sent round the zones at the response altitude and orbits the scene; a call waits for
 * approval when the policy says so (escalated to the commander when nobody answers), or in a queue by priority
 * when every drone is busy: one drone is never shared between two calls. Over the scene the orbit follows the
 * incident's track (a moving suspect), and a drone running down to what it needs to fly home is relieved by
 * another before it leaves; with no relief, it says so on the timeline before it goes.
 *
 * <p>Each step is a coded {@link org.skyfleet.fleet.incident.TimelineEntry} ({@code DRONE_RESPONSE_*}, {@code
 * NOTE_RESPONSE_*}) that the console renders in its own language.
 *
 * <p>All of its state lives on its own thread (the call in, a launch, the 5 Hz follow-up), so a search being
 * planned on the automation thread never delays a launch. It flies as the operator {@code automation-response}.
 */
public final class FirstResponse implements AutoCloseable {
    static final Operator OPERATOR = new Operator("automation-response", Operator.Role.AUTOMATION);
    /** The orbit follows a track that moved this far. */
    static final double RECENTRE_M = 10;
    /** A relief flies this much above the drone it relieves until that one leaves. */
    static final double RELIEF_ALT_OFFSET_M = 10;
    /**
     * Battery, beyond the reserve, the way home and the relief's own flight out (taken as long as this drone's way
     * home: the docks are near each other), at which the relief is called.
     */
    static final double RELIEF_MARGIN_PERCENT = 5;
    static final long TICK_MS = 200;
    /** A drone's own wind report counts this long (its autopilot sends one every second or so while it is linked). */
    static final Duration MEASURED_WIND_FRESH_FOR = Duration.ofMinutes(2);
    /** The live video of a drone, relative to the console (the video routes' WebSocket). */
    static final String VIEW_URL = "/api/v1/video/%s/ws";

    /** A commander should hear of this now: a call refused, an approval nobody gave, a scene left unwatched. */
    public record Alert(Instant time, String incidentId, String code, String text, GeoPoint scene) {
    }

    private final IncidentBook incidents;
    private final VehicleRegistry registry;
    private final InstantSource clock;
    private final Supplier<Airspace> airspace;
    private final Supplier<Set<String>> searchDrones;
    private final Function<String, Optional<GeoPoint>> targetOf;
    private final FirstFrames firstFrames;
    private final org.skyfleet.fleet.weather.WindMeasurements measuredWind;
    private final org.skyfleet.fleet.response.ResponsePolicyStore policies;
    private final AuditJournal audit;
    private final Responders responders;
    private final ResponseFlights flights;
    private final ResponseTimeline timeline;
    private final ResponseMetrics metrics;
    private final WindReports wind;
    private final ScheduledExecutorService thread;
    private final Map<String, ResponseRun> runs = new ConcurrentHashMap<>();
    private final List<Consumer<Alert>> alertListeners = new CopyOnWriteArrayList<>();
    private final AutoCloseable subscription;
    private volatile ResponsePolicy policy;

    /**
     * @param searchDrones the drones the search automation uses now (never taken from it)
     * @param targetOf     where the incident's freshest track is, if it has one (a suspect on the move)
     */
    public FirstResponse(IncidentBook incidents, VehicleRegistry registry, VehicleCommands commands, ControlLeases leases,
                         MissionBook missions, AuditJournal audit, InstantSource clock, Supplier<Airspace> airspace,
                         Supplier<Set<String>> searchDrones, Function<String, Optional<GeoPoint>> targetOf, ResponseConfig config) {
        this.incidents = incidents;
        this.registry = registry;
        this.clock = clock;
        this.airspace = airspace;
        this.searchDrones = searchDrones;
        this.targetOf = targetOf;
        this.firstFrames = config.firstFrames();
        this.measuredWind = config.wind();
        this.policies = config.policies();
        this.audit = audit;
        // the policy in force is the one kept (set over the API, or from the file given at start), else the built-in one
        this.policy = policies.load().map(org.skyfleet.fleet.response.SavedResponsePolicy::policy).orElse(config.policy())
                .validated();
        this.responders = new Responders(registry, leases, missions, OPERATOR, config.airframes());
        this.flights = new ResponseFlights(commands, leases, audit, clock, OPERATOR);
        this.timeline = new ResponseTimeline(incidents, audit, clock, OPERATOR);
        this.metrics = new ResponseMetrics(config.meters());
        this.wind = new WindReports(clock);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skyfleet-first-response");
            t.setDaemon(true);
            return t;
        });
        this.subscription = incidents.subscribe(this::onIncidentChange);
        thread.scheduleWithFixedDelay(() -> guarded(this::tick), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    // ---- what the API asks ---------------------------------------------------------------------------

    public ResponsePolicy policy() {
        return policy;
    }

    /**
     * Replaces the policy: kept in the store (so a restart keeps it), then in force, and journaled whole.
     *
     * @throws IllegalArgumentException listing every impossible figure
     * @throws org.skyfleet.fleet.store.StoreException when it could not be kept (the policy before stays in force)
     */
    public ResponsePolicy setPolicy(ResponsePolicy p, Operator by) {
        p.validated();
        policies.save(new org.skyfleet.fleet.response.SavedResponsePolicy(p, by.toString(), clock.instant()));
        policy = p;
        audit.append(by.toString(), "response policy set", "", org.skyfleet.fleet.response.ResponsePolicyFile.format(p), "SET");
        return p;
    }

    /** @throws IllegalArgumentException for a wind outside 0..60 m/s */
    public void reportWind(double windMps, Operator by) {
        wind.report(windMps);
        audit.append(by.toString(), "wind report", "", String.format(Locale.ROOT, "%.1f m/s", windMps), "REPORTED");
    }

    /**
     * The clock of the response to this incident.
     *
     * @throws java.util.NoSuchElementException if it has none
     */
    public TimeToScene timeToScene(String incidentId) {
        return run(incidentId).clock;
    }

    /** What the response to this incident is doing: AWAITING_APPROVAL, QUEUED, FLYING, ON_SCENE, REFUSED or RELEASED. */
    public String state(String incidentId) {
        return run(incidentId).state.name();
    }

    /** The live video of the drone over the incident now, if one is; relative to the console. */
    public Optional<String> viewUrl(String incidentId) {
        ResponseRun r = runs.get(incidentId);
        String v = r == null || !r.active() ? "" : r.clock.vehicleId();
        return v.isEmpty() ? Optional.empty() : Optional.of(String.format(Locale.ROOT, VIEW_URL, v));
    }

    /** Drones flying for a response now. */
    public Set<String> vehiclesInUse() {
        Set<String> out = new HashSet<>();
        for (ResponseRun r : runs.values()) {
            if (r.primary != null) {
                out.add(r.primary.vehicleId);
            }
            if (r.relief != null) {
                out.add(r.relief.vehicleId);
            }
        }
        return out;
    }

    /**
     * Lets a response waiting for approval launch.
     *
     * @throws IllegalStateException if it waits for nobody
     */
    public TimeToScene approve(String incidentId, Operator by, String reason) {
        return call(() -> {
            ResponseRun r = run(incidentId);
            if (r.state != ResponseRun.State.AWAITING_APPROVAL) {
                throw new IllegalStateException("the response to " + incidentId + " is " + r.state + ", not waiting for approval");
            }
            audit.append(by.toString(), "response approve", "", incidentId + (reason == null ? "" : ": " + reason), "APPROVED");
            timeline.write(incidentId, TimelineKind.NOTE, "NOTE_RESPONSE_APPROVED", "", "drone response approved by " + by.subject(),
                    "by", by.subject());
            dispatch(r, false);
            return r.clock;
        });
    }

    /** The commander releases the scene: its drones go home. */
    public TimeToScene release(String incidentId, Operator by, String reason) {
        return call(() -> {
            ResponseRun r = run(incidentId);
            end(r, reason == null || reason.isBlank() ? "released by " + by.subject() : reason.strip());
            return r.clock;
        });
    }

    /** Calls {@code listener} with every alert for the commander, on the response thread. */
    public void onAlert(Consumer<Alert> listener) {
        alertListeners.add(listener);
    }

    // ---- the call comes in ---------------------------------------------------------------------------

    private void onIncidentChange(IncidentChange change) {
        if (change.latest() == null) {
            return;
        }
        Incident i = change.incident();
        if (change.latest().kind() == TimelineKind.CREATED && i.type() != IncidentType.MISSING_PERSON) {
            Instant received = change.latest().time();
            thread.execute(() -> guarded(() -> onCall(i, received)));
        } else if (change.latest().kind() == TimelineKind.CLOSED) {
            thread.execute(() -> guarded(() -> {
                ResponseRun r = runs.get(i.incidentId());
                if (r != null) {
                    end(r, "incident closed");
                }
            }));
        }
    }

    /** @param received when SkyFleet took the call in (its creation), where the clock starts */
    private void onCall(Incident i, Instant received) {
        if (runs.containsKey(i.incidentId())) {
            return;
        }
        ResponsePolicy p = policy;
        LaunchMode mode = p.mode(i.type(), i.priority());
        ResponseRun r = new ResponseRun(i.incidentId(), i.priority(), i.reportedAt(), i.location(),
                TimeToScene.called(i.incidentId(), received));
        answer(r, i, p, mode);
        runs.put(i.incidentId(), r); // only now: the API never sees a call whose state is not yet decided
    }

    private void answer(ResponseRun r, Incident i, ResponsePolicy p, LaunchMode mode) {
        if (mode == LaunchMode.NEVER) {
            r.state = ResponseRun.State.REFUSED;
            timeline.write(i.incidentId(), TimelineKind.NOTE, "NOTE_RESPONSE_NOT_BY_POLICY", "",
                    "no drone: the policy flies none to a " + i.type() + " call at " + i.priority(),
                    "type", i.type().name(), "priority", i.priority().name());
            return;
        }
        Optional<Refusal> scene = ResponseRoute.sceneRefusal(airspace.get(), i.location(), p.altitudeRelM());
        if (scene.isPresent()) {
            refuse(r, List.of(scene.get()));
            return;
        }
        if (mode == LaunchMode.ON_APPROVAL) {
            r.state = ResponseRun.State.AWAITING_APPROVAL;
            r.approvalDeadline = clock.instant().plus(p.approvalTimeout());
            timeline.write(i.incidentId(), TimelineKind.NOTE, "NOTE_RESPONSE_AWAITING_APPROVAL", "",
                    "a drone is ready for this call and waits for a pilot's or commander's approval",
                    "timeout_s", p.approvalTimeout().toSeconds());
            return;
        }
        dispatch(r, false);
    }

    /**
     * Sends the nearest drone that passes the rules; queues the call when every drone is busy; refuses it with the
     * reasons when drones are free but none may fly it.
     *
     * @param fromQueue the call was already queued: stay quiet if it must wait on
     */
    private void dispatch(ResponseRun r, boolean fromQueue) {
        ResponsePolicy p = policy;
        Instant now = clock.instant();
        List<Responder> free = responders.free(busy(), now).stream().filter(x -> !r.failed.contains(x.vehicleId())).toList();
        if (free.isEmpty()) {
            if (!fromQueue) {
                r.state = ResponseRun.State.QUEUED;
                timeline.write(r.incidentId, TimelineKind.NOTE, "NOTE_RESPONSE_QUEUED", "",
                        "every drone is busy: the call waits for the next free one, by priority", "priority", r.priority.name());
            }
            return;
        }
        CallConditions conditions = conditions(free, r.centre, now);
        ResponderChoice choice = ResponderChoice.of(free, r.centre, conditions, p);
        if (choice.chosen().isEmpty()) {
            if (!fromQueue) {
                refuse(r, choice.refusals());
            }
            return; // a queued call waits on for a drone that may fly it (one coming back from a charge, say)
        }
        Responder d = choice.chosen().get();
        List<GeoPoint> route;
        try {
            route = ResponseRoute.plan(airspace.get(), d.position(), r.centre, p.altitudeRelM());
        } catch (IllegalStateException e) {
            refuse(r, List.of(new Refusal(Refusal.Rule.NO_ROUTE, e.getMessage(), Map.of("vehicle", d.vehicleId()))));
            return;
        }
        try {
            flights.lease(d.vehicleId());
        } catch (LeaseConflictException | IllegalArgumentException e) {
            r.failed.add(d.vehicleId());
            r.state = ResponseRun.State.QUEUED;
            return;
        }
        ResponseRun.Leg leg = new ResponseRun.Leg(d.vehicleId(), route, p.altitudeRelM(), now);
        r.primary = leg;
        r.state = ResponseRun.State.FLYING;
        r.clock = r.clock.withVehicle(d.vehicleId());
        stamp(r, ResponseStage.LAUNCH_COMMANDED, now);
        double distanceM = GreatCircle.distanceM(d.position(), r.centre);
        timeline.write(r.incidentId, TimelineKind.DRONE_LAUNCHED, "DRONE_RESPONSE_LAUNCHED", d.vehicleId(),
                String.format(Locale.ROOT, "%s launched to the scene, %.0f m away, about %.0f s", d.vehicleId(), distanceM,
                        d.secondsTo(r.centre, p.altitudeRelM(), distanceM)),
                "vehicle", d.vehicleId(), "distance_m", String.format(Locale.ROOT, "%.0f", distanceM),
                "eta_s", String.format(Locale.ROOT, "%.0f", d.secondsTo(r.centre, p.altitudeRelM(), distanceM)));
        launch(r, leg);
    }

    private void launch(ResponseRun r, ResponseRun.Leg leg) {
        VehicleState v = registry.find(leg.vehicleId).orElse(null);
        flights.launch(leg, ResponseFlights.onGround(v), why -> {
            if (why != null) {
                thread.execute(() -> guarded(() -> launchFailed(r, leg, why)));
            }
        });
    }

    private void launchFailed(ResponseRun r, ResponseRun.Leg leg, String why) {
        flights.home(leg.vehicleId, "launch failed: " + why); // it may have left the ground before the refusal
        r.failed.add(leg.vehicleId);
        timeline.write(r.incidentId, TimelineKind.NOTE, "NOTE_RESPONSE_LAUNCH_FAILED", leg.vehicleId,
                leg.vehicleId + " did not launch: " + why, "vehicle", leg.vehicleId, "reason", why);
        if (r.relief == leg) {
            r.relief = null;
        } else if (r.primary == leg && r.active()) {
            r.primary = null;
            r.clock = r.clock.withVehicle("");
            dispatch(r, false);
        }
    }

    private void refuse(ResponseRun r, List<Refusal> refusals) {
        r.state = ResponseRun.State.REFUSED;
        Refusal first = refusals.get(0);
        List<String> all = refusals.stream().map(Refusal::text).toList();
        Object[] params = new Object[2 * first.params().size() + 2];
        int k = 0;
        for (Map.Entry<String, String> e : first.params().entrySet()) {
            params[k++] = e.getKey();
            params[k++] = e.getValue();
        }
        params[k++] = "others";
        params[k] = refusals.size() - 1;
        String text = "no drone sent: " + String.join("; ", all);
        timeline.write(r.incidentId, TimelineKind.NOTE, first.code(), first.params().getOrDefault("vehicle", ""), text, params);
        refusals.forEach(x -> metrics.refused(x.rule().name()));
        alert(r, first.code(), text);
    }

    // ---- over the scene ------------------------------------------------------------------------------

    private void tick() {
        Instant now = clock.instant();
        List<ResponseRun> queued = new ArrayList<>();
        for (ResponseRun r : runs.values()) {
            if (!r.active()) {
                continue;
            }
            if (r.state == ResponseRun.State.AWAITING_APPROVAL && !r.escalated && !now.isBefore(r.approvalDeadline)) {
                r.escalated = true;
                String text = "no pilot approved the drone within " + policy.approvalTimeout().toSeconds()
                        + " s: the commander is asked to decide";
                timeline.write(r.incidentId, TimelineKind.NOTE, "NOTE_RESPONSE_ESCALATED", "", text,
                        "timeout_s", policy.approvalTimeout().toSeconds());
                alert(r, "NOTE_RESPONSE_ESCALATED", text);
            }
            if (r.state == ResponseRun.State.QUEUED) {
                queued.add(r);
            }
            if (r.primary != null) {
                follow(r, now);
            }
        }
        // the most urgent call first, then the oldest: a drone that frees up goes where it matters most
        queued.sort(Comparator.comparing((ResponseRun r) -> r.priority).thenComparing(r -> r.reportedAt));
        for (ResponseRun r : queued) {
            dispatch(r, true);
        }
    }

    private void follow(ResponseRun r, Instant now) {
        ResponsePolicy p = policy;
        ResponseRun.Leg leg = r.primary;
        flights.renew(leg);
        VehicleState v = registry.find(leg.vehicleId).orElse(null);
        if (v == null) {
            return;
        }
        if (!leg.airborne && !ResponseFlights.onGround(v)) {
            leg.airborne = true;
            stamp(r, ResponseStage.AIRBORNE, now);
        }
        if (!leg.onScene) {
            flights.follow(leg, v);
            if (leg.airborne && arrived(v, r.centre, leg.altRelM, p)) {
                leg.onScene = true;
                r.state = ResponseRun.State.ON_SCENE;
                flights.orbit(leg.vehicleId, r.centre, leg.altRelM, p.orbitRadiusM(), p.orbitSpeedMps());
                stamp(r, ResponseStage.ON_SCENE, now);
                watchFirstVideo(r, leg, now);
                double s = r.clock.sinceCall(ResponseStage.ON_SCENE).orElse(Duration.ZERO).toMillis() / 1000.0;
                timeline.write(r.incidentId, TimelineKind.DRONE_ORBITING, "DRONE_RESPONSE_ON_SCENE", leg.vehicleId,
                        String.format(Locale.ROOT, "%s over the scene %.0f s after the call, orbiting at %.0f m radius",
                                leg.vehicleId, s, p.orbitRadiusM()),
                        "vehicle", leg.vehicleId, "seconds", String.format(Locale.ROOT, "%.0f", s),
                        "radius_m", String.format(Locale.ROOT, "%.0f", p.orbitRadiusM()));
            }
            return;
        }
        followTarget(r, p);
        relieve(r, v, p, now);
    }

    /**
     * The first frame of the drone's video handed to a viewer from the moment it is on scene (the console opens its
     * feed on the incident then) is the response's {@code first_video}: the commander's first sight of the scene.
     */
    private void watchFirstVideo(ResponseRun r, ResponseRun.Leg leg, Instant onScene) {
        leg.videoWatch = firstFrames.watch(leg.vehicleId, onScene, at -> thread.execute(() -> guarded(() -> {
            if (!r.active() || r.clock.reached(ResponseStage.FIRST_VIDEO)) {
                return;
            }
            stamp(r, ResponseStage.FIRST_VIDEO, at);
            double s = r.clock.sinceCall(ResponseStage.FIRST_VIDEO).orElse(Duration.ZERO).toMillis() / 1000.0;
            timeline.write(r.incidentId, TimelineKind.NOTE, "DRONE_RESPONSE_VIDEO", leg.vehicleId,
                    String.format(Locale.ROOT, "%s's live video of the scene reached the commander %.0f s after the call",
                            leg.vehicleId, s), "vehicle", leg.vehicleId, "url", String.format(Locale.ROOT, VIEW_URL, leg.vehicleId),
                    "seconds", String.format(Locale.ROOT, "%.0f", s));
        })));
    }

    /** The reported wind, the fresh wind each of {@code free} measured itself, and the light at the scene. */
    private CallConditions conditions(List<Responder> free, GeoPoint scene, Instant now) {
        Map<String, Double> measured = new java.util.HashMap<>();
        for (Responder x : free) {
            measuredWind.latest(x.vehicleId()).filter(w -> !w.at().isBefore(now.minus(MEASURED_WIND_FRESH_FOR)))
                    .ifPresent(w -> measured.put(x.vehicleId(), w.speedMps()));
        }
        return new CallConditions(wind.windMps(), Daylight.isNight(scene, now), measured);
    }

    private static boolean arrived(VehicleState v, GeoPoint centre, double altRelM, ResponsePolicy p) {
        return v.position() != null && v.position().altRelM() >= 0.8 * altRelM
                && GreatCircle.distanceM(new GeoPoint(v.position().latDeg(), v.position().lonDeg()), centre) <= p.onSceneRadiusM();
    }

    /** A sighting or an officer's report moved the incident's track: the orbit goes with it, inside the zones. */
    private void followTarget(ResponseRun r, ResponsePolicy p) {
        GeoPoint target = targetOf.apply(r.incidentId).orElse(null);
        if (target == null || GreatCircle.distanceM(target, r.centre) <= RECENTRE_M) {
            return;
        }
        if (ResponseRoute.sceneRefusal(airspace.get(), target, p.altitudeRelM()).isPresent()) {
            return; // the drone keeps its last allowed circle; the track goes on beyond the fence
        }
        r.centre = target;
        flights.orbit(r.primary.vehicleId, target, r.primary.altRelM, p.orbitRadiusM(), p.orbitSpeedMps());
        if (r.relief != null && r.relief.onScene) {
            flights.orbit(r.relief.vehicleId, target, r.relief.altRelM, p.orbitRadiusM(), p.orbitSpeedMps());
        }
    }

    /** Before the drone needs its battery to fly home, another takes over the orbit; only then does it leave. */
    private void relieve(ResponseRun r, VehicleState v, ResponsePolicy p, Instant now) {
        if (v.battery() == null || v.position() == null) {
            return;
        }
        double battery = v.battery().remainingPercent();
        Responders.AirframeFigures f = responders.figures(v.vehicleId());
        double homeM = v.home() == null ? 0 : GreatCircle.distanceM(new GeoPoint(v.position().latDeg(), v.position().lonDeg()),
                new GeoPoint(v.home().latDeg(), v.home().lonDeg()));
        double homePercent = 100 * (homeM / f.cruiseSpeedMps() + v.position().altRelM() / f.climbRateMps()) / f.enduranceS();
        double leaveAt = p.reservePercent() + homePercent;
        if (r.relief == null && battery <= leaveAt + homePercent + RELIEF_MARGIN_PERCENT) {
            callRelief(r, p, now);
        }
        if (r.relief != null) {
            handOverWhenOnStation(r, p, now);
        } else if (battery <= leaveAt) {
            String id = r.primary.vehicleId;
            flights.home(id, "battery at its reserve, no relief");
            r.primary.stopWatchingVideo();
            r.primary = null;
            r.clock = r.clock.withVehicle("");
            r.state = ResponseRun.State.QUEUED;
            String text = String.format(Locale.ROOT, "%s leaves the scene at %.0f %% battery with no drone to relieve it: the scene is"
                    + " not watched until one is free", id, battery);
            timeline.write(r.incidentId, TimelineKind.DRONE_RETURNED, "DRONE_RESPONSE_LEFT_UNWATCHED", id, text, "vehicle", id,
                    "battery_percent", String.format(Locale.ROOT, "%.0f", battery));
            alert(r, "DRONE_RESPONSE_LEFT_UNWATCHED", text);
        }
    }

    private void callRelief(ResponseRun r, ResponsePolicy p, Instant now) {
        List<Responder> free = responders.free(busy(), now).stream().filter(x -> !r.failed.contains(x.vehicleId())).toList();
        Optional<Responder> relief = ResponderChoice.of(free, r.centre, conditions(free, r.centre, now), p).chosen();
        if (relief.isEmpty()) {
            if (!r.noReliefNoted) {
                r.noReliefNoted = true;
                timeline.write(r.incidentId, TimelineKind.NOTE, "NOTE_RESPONSE_NO_RELIEF", r.primary.vehicleId,
                        r.primary.vehicleId + " is running low and no drone is free to relieve it", "vehicle", r.primary.vehicleId);
            }
            return;
        }
        Responder d = relief.get();
        double alt = r.primary.altRelM + RELIEF_ALT_OFFSET_M;
        List<GeoPoint> route;
        try {
            route = ResponseRoute.plan(airspace.get(), d.position(), r.centre, alt);
            flights.lease(d.vehicleId());
        } catch (IllegalStateException | LeaseConflictException | IllegalArgumentException e) {
            r.failed.add(d.vehicleId());
            return;
        }
        r.relief = new ResponseRun.Leg(d.vehicleId(), route, alt, now);
        timeline.write(r.incidentId, TimelineKind.DRONE_HANDOVER, "DRONE_RESPONSE_RELIEF_LAUNCHED", d.vehicleId(),
                d.vehicleId() + " flying out to relieve " + r.primary.vehicleId + " over the scene (battery low)",
                "vehicle", d.vehicleId(), "relieved", r.primary.vehicleId);
        launch(r, r.relief);
    }

    private void handOverWhenOnStation(ResponseRun r, ResponsePolicy p, Instant now) {
        ResponseRun.Leg relief = r.relief;
        flights.renew(relief);
        VehicleState v = registry.find(relief.vehicleId).orElse(null);
        if (v == null) {
            return;
        }
        relief.airborne |= !ResponseFlights.onGround(v);
        flights.follow(relief, v);
        if (!relief.airborne || !arrived(v, r.centre, relief.altRelM, p)) {
            return;
        }
        relief.onScene = true;
        flights.orbit(relief.vehicleId, r.centre, relief.altRelM, p.orbitRadiusM(), p.orbitSpeedMps());
        String old = r.primary.vehicleId;
        flights.home(old, "relieved by " + relief.vehicleId);
        r.primary.stopWatchingVideo();
        if (!r.clock.reached(ResponseStage.FIRST_VIDEO)) {
            watchFirstVideo(r, relief, now); // the scene's first picture may yet come from the relief's camera
        }
        r.primary = relief;
        r.relief = null;
        r.noReliefNoted = false;
        r.clock = r.clock.withVehicle(relief.vehicleId);
        timeline.write(r.incidentId, TimelineKind.DRONE_HANDOVER, "DRONE_RESPONSE_RELIEVED", relief.vehicleId,
                relief.vehicleId + " took over the scene from " + old + ", which returns home", "vehicle", relief.vehicleId,
                "relieved", old);
    }

    private void end(ResponseRun r, String why) {
        if (!r.active()) {
            return;
        }
        boolean watched = r.primary != null;
        for (ResponseRun.Leg leg : new ResponseRun.Leg[] {r.primary, r.relief}) {
            if (leg != null) {
                flights.home(leg.vehicleId, why);
                leg.stopWatchingVideo();
            }
        }
        String vehicle = r.primary == null ? "" : r.primary.vehicleId;
        r.primary = null;
        r.relief = null;
        r.state = ResponseRun.State.RELEASED;
        timeline.write(r.incidentId, TimelineKind.DRONE_RETURNED, watched ? "DRONE_RESPONSE_RELEASED" : "NOTE_RESPONSE_ENDED",
                vehicle, watched ? vehicle + " leaves the scene, which is no longer watched: " + why : "drone response ended: " + why,
                "vehicle", vehicle, "reason", why);
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Set<String> busy() {
        Set<String> out = new HashSet<>(vehiclesInUse());
        try {
            out.addAll(searchDrones.get());
        } catch (RuntimeException e) {
            // read from another thread's state while it changed: the search's leases still keep its drones from us
        }
        return out;
    }

    private void stamp(ResponseRun r, ResponseStage stage, Instant at) {
        if (r.clock.reached(stage)) {
            return;
        }
        r.clock = r.clock.stamped(stage, at);
        r.clock.sinceCall(stage).ifPresent(d -> metrics.stage(stage, d));
    }

    private void alert(ResponseRun r, String code, String text) {
        Alert a = new Alert(clock.instant(), r.incidentId, code, text, r.centre);
        alertListeners.forEach(l -> l.accept(a));
    }

    private ResponseRun run(String incidentId) {
        ResponseRun r = runs.get(incidentId);
        if (r == null) {
            throw new java.util.NoSuchElementException("incident " + incidentId + " has no drone response");
        }
        return r;
    }

    private <T> T call(java.util.concurrent.Callable<T> work) {
        try {
            return thread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (TimeoutException e) {
            throw new IllegalStateException("the first response is busy; try again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()));
        }
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            audit.append(OPERATOR.toString(), "response error", "", String.valueOf(e), "ERROR");
        }
    }

    @Override
    public void close() throws Exception {
        subscription.close();
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
