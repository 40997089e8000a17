package org.skyfleet.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.skyfleet.fleet.fusion.Sighting;
import org.skyfleet.fleet.fusion.SourceKind;
import org.skyfleet.fleet.fusion.TargetClass;
import org.skyfleet.fleet.fusion.TrackUpdate;
import org.skyfleet.fleet.fusion.Tracker;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.fleet.search.SearchAllocator;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.server.automation.SearchProfile;
import org.skyfleet.server.automation.SearchSampling;
import org.skyfleet.server.sighting.TrackerTuning;
import org.skyfleet.simulator.sensor.CameraPreset;
import org.skyfleet.simulator.sensor.NadirDetector;
import org.skyfleet.simulator.world.people.MovementModel;
import org.skyfleet.simulator.world.people.PathWalker;
import org.skyfleet.simulator.world.people.Target;
import org.skyfleet.simulator.world.people.Wanderer;

/**
 * One benchmark run: a {@link SearchScenario} searched with one {@link SearchStrategy}, 1 s steps, up to 60
 * simulated minutes or until an officer reaches the subject.
 *
 * <p>Each second the subject walks (the simulator's {@link Wanderer}: 0.45 m/s, 900 m range, 300 s walks,
 * 180 s rests, as in {@code missing-person-forested-hill.json}), the drones move ({@link BenchDrone}), are
 * sampled as the server samples its flights ({@link SearchSampling}) and look with the simulator's camera detector ({@link NadirDetector}), and every
 * report goes into a {@link Tracker} tuned as the server's ({@link TrackerTuning}). What the confirmed tracks
 * set off is {@link TrialResponse}'s. A drone back from a sortie flies again after each battery swap
 * ({@link SearchConditions#batterySwapS()}), where its strategy ({@link Sorties}) sends it, until the subject is
 * found; the {@link ModelAccount} keeps the map's own tally of what the flights should have found.
 */
final class SearchTrial {
    static final int CAP_S = 3600;
    static final double CANOPY_COVER = 0.55;
    /** The drones climb and descend as the allocator assumes they do. */
    static final double CLIMB_MPS = SearchAllocator.DEFAULT_CLIMB_RATE_MPS;
    private static final long EPOCH_MS = 1_800_000_000_000L;

    private final Sorties sorties;
    private final SearchConditions conditions;
    private final ModelAccount account;
    private final LocalFrame frame;
    private final List<BenchDrone> drones = new ArrayList<>();
    private final Target subject;
    private final Tracker tracker;
    private final TrialResponse response;
    private final Map<String, List<FlownSample>> samples = new HashMap<>();
    private int nowS;
    private long sightingSeq;
    private int detectionS = -1, arrivalS = -1;
    private double rawErrSum;
    private int rawErrN;

    /** How a strategy plans sorties: the first wave, and what a drone back from its first sortie flies next. */
    interface Sorties {
        /** Routes in the frame, by drone id, for the first wave (drones not in the map stay down). */
        Map<String, List<double[]>> firstWave(List<BenchDrone> drones);

        /**
         * The route a drone flies after its battery swap, or empty to stay down for good.
         *
         * @param flown every drone's samples not yet taken by the strategy (a strategy that learns from them
         *     consumes them)
         * @param nowS simulated seconds since the search began
         */
        Optional<List<double[]>> next(BenchDrone drone, Map<String, List<FlownSample>> flown, List<BenchDrone> all,
                                      int nowS);
    }

    SearchTrial(SearchScenario scenario, SearchProfile profile, LocalFrame frame, Sorties sorties,
                SearchConditions conditions, ModelAccount account) {
        this.frame = frame;
        this.sorties = sorties;
        this.conditions = conditions;
        this.account = account;
        double budgetS = profile.fullBatteryFlightS() - ReservePolicy.DEFAULT.reserveS(profile.fullBatteryFlightS());
        CameraPreset[] cameras = conditions.cameras();
        for (int i = 0; i < cameras.length; i++) {
            NadirDetector camera = new NadirDetector(cameras[i], SearchConditions.falsePositivesPerMin(cameras[i]),
                    new Random(scenario.seed() * 31 + i));
            drones.add(new BenchDrone("drone-" + (i + 1), camera, scenario.commandPostM(), profile.cruiseSpeedMps(),
                    CLIMB_MPS, profile.camera().altitudeAglM(), budgetS));
        }
        double[] s = scenario.subjectStartM();
        MovementModel walk = !scenario.subjectWanders() ? MovementModel.stationary()
                : scenario.subjectRoadEndM() != null ? new PathWalker(List.of(scenario.subjectRoadEndM()), SearchScenario.ROAD_WALK_MPS)
                : new Wanderer(0.45, 900, 300, 180);
        subject = new Target("subject", s[0], s[1], walk, scenario.seed() ^ 0x5EEDL);
        tracker = new Tracker(TrackerTuning.forSearches());
        response = new TrialResponse(frame, drones, subject, scenario.officersM(),
                () -> Instant.ofEpochMilli(EPOCH_MS + nowS * 1000L), conditions.secondLook());
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
                    if (conditions.dry()) {
                        continue;
                    }
                    for (NadirDetector.Detection r : d.camera.look(d.eastM, d.northM, d.heightM, d.headingDeg, List.of(subject),
                            CANOPY_COVER, conditions.night())) {
                        fuse(d, r);
                    }
                }
            }
            if (nowS % 5 == 0) {
                tracker.prune(EPOCH_MS + nowS * 1000L);
            }
            if (nowS % ModelAccount.PERIOD_S == 0) {
                account.update(nowS);
            }
            relaunch();
            if (response.walkOfficer()) {
                arrivalS = nowS;
            }
        }
        double flown = drones.stream().mapToDouble(d -> d.flownS).sum();
        return new TrialOutcome(detectionS, arrivalS, response.falseConfirmed, flown, response.trackErrSum,
                response.trackErrN, rawErrSum, rawErrN, account.update(Math.min(nowS, CAP_S)), response.secondLooks);
    }

    /** Sampled once a second as the server samples its flights; a drone on its route is on its search mission. */
    private void sample(BenchDrone d) {
        GeoPoint p = frame.toGeo(d.eastM, d.northM);
        FlownSample s = SearchSampling.sample(p.latDeg(), p.lonDeg(), d.heightM, d.headingDeg,
                d.phase == BenchDrone.Phase.ROUTE);
        samples.get(d.id).add(s);
        account.record(d.id, s);
    }

    private void relaunch() {
        if (detectionS >= 0) {
            return; // the server stops re-planning once the subject is found
        }
        for (BenchDrone d : drones) {
            if (d.phase == BenchDrone.Phase.GROUND && d.landedAtS >= 0 && nowS >= d.landedAtS + conditions.batterySwapS()) {
                Optional<List<double[]>> r = sorties.next(d, samples, drones, nowS);
                d.landedAtS = -1; // without a route it stays down for good
                r.ifPresent(d::launch);
            }
        }
    }

    private void fuse(BenchDrone d, NadirDetector.Detection r) {
        String id = "s-" + (++sightingSeq);
        GeoPoint at = frame.toGeo(r.eastM(), r.northM());
        boolean ofSubject = r.truthId() != null;
        Sighting s = Sighting.of(id, SourceKind.DRONE, d.id, EPOCH_MS + nowS * 1000L, at.latDeg(), at.lonDeg(), r.sigmaM(),
                TargetClass.PERSON, r.confidence());
        response.sighted(s, ofSubject);
        if (ofSubject) {
            rawErrSum += Math.hypot(r.eastM() - subject.eastM(), r.northM() - subject.northM());
            rawErrN++;
        }
        for (TrackUpdate u : tracker.process(s)) {
            if (response.onTrack(u)) {
                detectionS = nowS;
            }
        }
    }
}
