package org.skyfleet.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.skyfleet.fleet.dispatch.Assignment;
import org.skyfleet.fleet.dispatch.Dispatcher;
import org.skyfleet.fleet.dispatch.EtaModel;
import org.skyfleet.fleet.dispatch.UnitRoster;
import org.skyfleet.fleet.dispatch.UnitStatus;
import org.skyfleet.fleet.dispatch.UnitType;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.Track;
import org.skyfleet.fleet.fusion.TrackState;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.fusion.Tracker;
import org.skyfleet.fleet.fusion.TrackerConfig;
import org.skyfleet.fleet.search.CameraFootprints;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.server.automation.SearchProfile;
import org.skyfleet.simulator.sensor.CameraPreset;
import org.skyfleet.simulator.world.people.MovementModel;
import org.skyfleet.simulator.world.people.Target;
import org.skyfleet.simulator.world.people.Wanderer;

/**
 * One benchmark run: a {@link SearchScenario} searched with one {@link SearchStrategy}, 1 s steps, up to 60
 * simulated minutes or until an officer reaches the subject.
 *
 * <p>Each second the subject walks (the simulator's {@link Wanderer}: 0.45 m/s, 900 m range, 300 s walks,
 * 180 s rests, as in {@code missing-person-forested-hill.json}), the drones move ({@link BenchDrone}) and look
 * ({@link BenchCamera}), and every report goes into a {@link Tracker} configured as the server's TrackFeed.
 * The response follows the server's TrackResponse: the first CONFIRMED person track at ≤ 3 m/s is acted on;
 * here it is judged against the truth first: more than 100 m from the subject counts as a false confirmed
 * track and the search goes on; otherwise it is the detection: the other drones are recalled, the finder
 * holds above the track (the server orbits at 20 m; here it hovers), the {@link Dispatcher} picks the officer
 * with the shortest straight-line ETA, and the officer walks straight at on-foot speed towards the track's
 * latest position. Arrival: the officer within 15 m of the subject's true position.
 */
final class SearchTrial {
    static final int CAP_S = 3600;
    static final int BATTERY_SWAP_S = 300;
    static final double ARRIVAL_M = 15;
    static final double FALSE_TRACK_M = 100;
    static final double SAME_SUBJECT_M = 150;
    static final double MAX_PERSON_SPEED_MPS = 3.0;
    static final double CANOPY_COVER = 0.55;
    static final boolean NIGHT = false;
    static final double CLIMB_MPS = 3.0;
    static final double MIN_SEARCH_ALT_M = 15;
    private static final long EPOCH_MS = 1_800_000_000_000L;
    private static final CameraPreset[] PRESETS = {CameraPreset.THERMAL, CameraPreset.THERMAL, CameraPreset.VISUAL,
            CameraPreset.VISUAL};
    private static final double[] FALSE_POSITIVES_PER_MIN = {0.5, 0.5, 1.0, 1.0};

    private final SearchScenario scenario;
    private final SearchProfile profile;
    private final Sorties sorties;
    private final LocalFrame frame;
    private final List<BenchDrone> drones = new ArrayList<>();
    private final Target subject;
    private final Tracker tracker;
    private final Dispatcher dispatcher;
    private final UnitRoster roster;
    private final List<double[]> officers = new ArrayList<>();
    private final Map<String, String> droneOfSighting = new HashMap<>();
    private final Set<String> subjectSightings = new HashSet<>();
    private final Set<String> judged = new HashSet<>();
    private final Set<String> followed = new HashSet<>();
    private final Map<String, List<FlownSample>> samples = new HashMap<>();
    private int nowS;
    private long sightingSeq;
    private int detectionS = -1, arrivalS = -1, falseConfirmed;
    private double[] responseAt;
    private int officer = -1;
    private double trackErrSum, rawErrSum;
    private int trackErrN, rawErrN;

    /** How a strategy plans sorties: the first wave, and what a drone back from its first sortie flies next. */
    interface Sorties {
        /** Routes in the frame, by drone id, for the first wave (drones not in the map stay down). */
        Map<String, List<double[]>> firstWave(List<BenchDrone> drones);

        /** The route a drone flies after its battery swap, or empty to stay down. */
        Optional<List<double[]>> next(BenchDrone drone, Map<String, List<FlownSample>> flown, List<BenchDrone> all);
    }

    SearchTrial(SearchScenario scenario, SearchProfile profile, LocalFrame frame, Sorties sorties) {
        this.scenario = scenario;
        this.profile = profile;
        this.frame = frame;
        this.sorties = sorties;
        double budgetS = profile.fullBatteryFlightS()
                - org.skyfleet.planner.energy.ReservePolicy.DEFAULT.reserveS(profile.fullBatteryFlightS());
        for (int i = 0; i < PRESETS.length; i++) {
            BenchCamera camera = new BenchCamera(PRESETS[i], FALSE_POSITIVES_PER_MIN[i], scenario.seed() * 31 + i);
            drones.add(new BenchDrone("drone-" + (i + 1), camera, scenario.commandPostM(), profile.cruiseSpeedMps(),
                    CLIMB_MPS, profile.camera().altitudeAglM(), budgetS));
        }
        double[] s = scenario.subjectStartM();
        MovementModel walk = scenario.subjectWanders() ? new Wanderer(0.45, 900, 300, 180) : MovementModel.stationary();
        subject = new Target("subject", s[0], s[1], walk, scenario.seed() ^ 0x5EEDL);
        TrackerConfig d = TrackerConfig.defaults();
        tracker = new Tracker(new TrackerConfig(d.origin(), d.gateChiSquare(), d.maxLatenessMs(), d.tentativeTimeoutMs(),
                d.confirmedTimeoutMs(), d.confirmHits(), 90_000));
        InstantSource clock = () -> Instant.ofEpochMilli(EPOCH_MS + nowS * 1000L);
        roster = new UnitRoster(clock);
        dispatcher = new Dispatcher(roster, EtaModel.straightLine(), clock, Duration.ofSeconds(60));
        scenario.officersM().forEach(o -> officers.add(o.clone()));
    }

    TrialOutcome run() {
        Map<String, List<double[]>> wave = sorties.firstWave(drones);
        for (BenchDrone d : drones) {
            samples.put(d.id, new ArrayList<>());
            List<double[]> r = wave.get(d.id);
            if (r != null) {
                d.launch(r);
            }
        }
        for (nowS = 1; nowS <= CAP_S && arrivalS < 0; nowS++) {
            subject.step(1);
            for (BenchDrone d : drones) {
                d.step(nowS);
                if (d.airborne()) {
                    sample(d);
                    for (BenchCamera.Report r : d.camera.look(d.eastM, d.northM, d.heightM, d.headingDeg, subject.eastM(),
                            subject.northM(), CANOPY_COVER, NIGHT)) {
                        fuse(d, r);
                    }
                }
            }
            if (nowS % 5 == 0) {
                tracker.prune(EPOCH_MS + nowS * 1000L);
            }
            relaunch();
            walkOfficer();
        }
        double flown = drones.stream().mapToDouble(d -> d.flownS).sum();
        return new TrialOutcome(detectionS, arrivalS, falseConfirmed, flown, trackErrSum, trackErrN, rawErrSum, rawErrN);
    }

    /** The server samples flights once a second; a sample at 0 m (not searching) breaks the swept track. */
    private void sample(BenchDrone d) {
        boolean searching = d.phase == BenchDrone.Phase.ROUTE && d.heightM >= MIN_SEARCH_ALT_M;
        GeoPoint p = frame.toGeo(d.eastM, d.northM);
        samples.get(d.id).add(new FlownSample(p.latDeg(), p.lonDeg(), searching ? d.heightM : 0, d.headingDeg));
    }

    private void relaunch() {
        if (detectionS >= 0) {
            return; // the server stops re-planning once the subject is found
        }
        for (BenchDrone d : drones) {
            if (d.phase == BenchDrone.Phase.GROUND && d.sorties == 1 && d.landedAtS >= 0
                    && nowS >= d.landedAtS + BATTERY_SWAP_S) {
                Optional<List<double[]>> r = sorties.next(d, samples, drones);
                d.landedAtS = -1;
                if (r.isPresent()) {
                    d.launch(r.get());
                } else {
                    d.sorties++; // stays down for good
                }
            }
        }
    }

    private void fuse(BenchDrone d, BenchCamera.Report r) {
        String id = "s-" + (++sightingSeq);
        GeoPoint at = frame.toGeo(r.eastM(), r.northM());
        droneOfSighting.put(id, d.id);
        if (r.ofSubject()) {
            subjectSightings.add(id);
            rawErrSum += Math.hypot(r.eastM() - subject.eastM(), r.northM() - subject.northM());
            rawErrN++;
        }
        Sighting s = Sighting.of(id, SourceKind.DRONE, d.id, EPOCH_MS + nowS * 1000L, at.latDeg(), at.lonDeg(), r.sigmaM(),
                TargetClass.PERSON, r.confidence());
        for (TrackUpdate u : tracker.process(s)) {
            onTrack(u);
        }
    }

    /** Mirrors TrackResponse.onTrack, with the truth check the server cannot make. */
    private void onTrack(TrackUpdate u) {
        Track t = u.track();
        if (u.kind() == TrackUpdate.Kind.DROPPED || t.state() != TrackState.CONFIRMED || t.targetClass() != TargetClass.PERSON) {
            return;
        }
        double[] at = local(t);
        double fromTruth = Math.hypot(at[0] - subject.eastM(), at[1] - subject.northM());
        List<String> ids = t.sightingIds();
        if (subjectSightings.contains(ids.get(ids.size() - 1))) {
            trackErrSum += fromTruth;
            trackErrN++;
        }
        if (followed.contains(t.id())) {
            follow(at);
            return;
        }
        if (judged.contains(t.id())) {
            return;
        }
        if (responseAt != null && Math.hypot(at[0] - responseAt[0], at[1] - responseAt[1]) <= SAME_SUBJECT_M) {
            followed.add(t.id()); // the server takes a confirmed track near the followed one for the same subject
            judged.add(t.id());
            follow(at);
            return;
        }
        if (t.speedMps() > MAX_PERSON_SPEED_MPS) {
            return; // not yet: strung-along false detections look like a runner
        }
        judged.add(t.id());
        if (fromTruth > FALSE_TRACK_M) {
            falseConfirmed++;
            return;
        }
        followed.add(t.id());
        if (detectionS < 0) {
            detectionS = nowS;
            respond(t, at);
        }
        follow(at);
    }

    private void respond(Track t, double[] at) {
        String finder = droneOfSighting.get(t.sightingIds().get(t.sightingIds().size() - 1));
        for (BenchDrone d : drones) {
            if (d.id.equals(finder)) {
                d.watch(at);
            } else {
                d.recall();
            }
        }
        Instant now = Instant.ofEpochMilli(EPOCH_MS + nowS * 1000L);
        for (int i = 0; i < officers.size(); i++) {
            roster.report("officer-" + (i + 1), UnitType.OFFICER_ON_FOOT, null, frame.toGeo(officers.get(i)[0],
                    officers.get(i)[1]), 5, UnitStatus.AVAILABLE, now);
        }
        Optional<Assignment> a = dispatcher.dispatch("bench", t.id(), frame.toGeo(at[0], at[1]), "missing person");
        a.ifPresent(x -> {
            dispatcher.acknowledge(x.assignmentId(), x.unitId());
            officer = Integer.parseInt(x.unitId().substring("officer-".length())) - 1;
        });
    }

    private void follow(double[] at) {
        responseAt = at;
        drones.forEach(d -> d.moveWatchPoint(at));
    }

    private void walkOfficer() {
        if (officer < 0) {
            return;
        }
        double[] o = officers.get(officer);
        double de = responseAt[0] - o[0], dn = responseAt[1] - o[1], d = Math.hypot(de, dn);
        double step = Math.min(d, UnitType.OFFICER_ON_FOOT.speedMps());
        if (d > 1e-9) {
            o[0] += de / d * step;
            o[1] += dn / d * step;
        }
        if (Math.hypot(o[0] - subject.eastM(), o[1] - subject.northM()) <= ARRIVAL_M) {
            arrivalS = nowS;
        }
    }

    private double[] local(Track t) {
        var c = frame.toLocal(new GeoPoint(t.latDeg(), t.lonDeg()));
        return new double[] {c.x, c.y};
    }

    /** Applies every drone's samples since the last update to a map, keeping the last (server's updateMap). */
    static org.skyfleet.fleet.search.ProbabilityMap updateMap(org.skyfleet.fleet.search.ProbabilityMap map,
            Map<String, List<FlownSample>> flown, SearchProfile profile) {
        for (List<FlownSample> s : flown.values()) {
            if (s.size() < 2) {
                continue;
            }
            Geometry swept = CameraFootprints.swept(s, profile.halfFovDeg(), map.frame());
            FlownSample last = s.get(s.size() - 1);
            s.clear();
            s.add(last);
            if (!swept.isEmpty()) {
                try {
                    map = map.applySearchEffort(swept, profile.effectiveSweepWidthM(), profile.camera().footprintWidthM());
                } catch (IllegalStateException e) {
                    // as the server: the map is left as it was
                }
            }
        }
        return map;
    }
}
