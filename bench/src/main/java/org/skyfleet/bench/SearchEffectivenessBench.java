package org.skyfleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.skyfleet.fleet.search.DistanceDistribution;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.LostPersonStatistics;
import org.skyfleet.fleet.search.MapFeatures;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchPrior;
import org.skyfleet.fleet.search.SortieAllocator;
import org.skyfleet.fleet.search.SubjectCategory;
import org.skyfleet.fleet.search.SubjectMobility;
import org.skyfleet.fleet.search.SweepWidths;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.server.automation.SearchProfile;
import org.skyfleet.simulator.sensor.CameraPreset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skyfleet bench search}: how soon drones find a missing person with dementia, and an officer
 * reaches him, under (A) SkyFleet's probability-based allocation and (B) one lawnmower over the p95
 * circle; plus how accurate the fused tracks are and how many false tracks get confirmed. See
 * {@link SearchTrial} for one run and {@link #METHOD} for the summary written with the figures.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search effectiveness over seeded missing-person cases: probability allocation vs lawnmower.")
public final class SearchEffectivenessBench implements Callable<Integer> {
    static final String METHOD = String.join("\n",
            "# method: per seed, LKP uniform within 0.05 deg of 53.385N 1.873W; subject (DEMENTIA, bundled default row) starts at a",
            "#   distance drawn from DistanceDistribution (inverse CDF by bisection), uniform bearing, then walks as the simulator's",
            "#   Wanderer (0.45 m/s, 900 m range, 300 s walks / 180 s rests); canopy 0.55. --drones N (default 4; half THERMAL 0.5 FP/min, rounded up,",
            "#   the rest VISUAL 1.0 FP/min) at a command post 300-800 m from the LKP; 3 officers on foot 0.7-2.5 km from the LKP.",
            "#   Same seed for A and B (same subject path). 1 s steps, cap 60 min. SearchProfile.defaults(): camera 50 deg at 60 m,",
            "#   8 m/s, 1,200 s per battery (--cruise-mps, --pack-min); 20 s vertical climb/descent at 3 m/s; straight legs between",
            "#   plan waypoints; a drone turns home when the pack less its 20 % reserve would be exceeded; after landing, a battery swap, then the next",
            "#   sortie (every drone, every time, while its strategy has one). Cameras: the simulator's NadirDetector (night:",
            "#   its night factors). Sweep widths W for the maps: SweepWidths by sensor and light (engineering assumptions).",
            "# A: SortieAllocator (continuous): each free drone gets segments of 250 m chained to fill its battery, over the",
            "#   map diffused by SubjectMobility.of(DEMENTIA) to now and updated with every footprint flown so far (Koopman, W per",
            "#   drone); segments other drones hold are left out.",
            "# B: MissionPlanner COVERAGE over the p95 circle (64-gon), SplitPolicy.ALL_VEHICLES; planned with a stretched",
            "#   endurance because the real one is refused (the circle needs ~2,000 km of track); each drone flies until its",
            "#   real budget runs out, and again after each swap from where it broke off.",
            "# detection: first CONFIRMED person track at <= 3 m/s (TrackResponse's rule) within 100 m of the subject (Tracker =",
            "#   TrackerTuning.forSearches(), as the server); one > 100 m away counts as a false confirmed track and the search",
            "#   goes on. Then: other drones recalled, finder hovers over the track, Dispatcher (EtaModel.straightLine) picks the",
            "#   officer, who walks straight at 1.6 m/s to the track's latest position; arrival = officer within 15 m of the",
            "#   subject's TRUE position. Second look (SecondLookRule, as the live search; off with --no-second-look): a tentative",
            "#   person track one camera hit short of the 3-hit burst sends that drone, if on its route out and within 200 m, over the",
            "#   track to hold 25 s, then back to the leg it left; once per track; the hover is not counted as search.",
            "#   Medians over all runs, a run without the event counting as > 60 min; in brackets the",
            "#   median over the runs where it happened. Track error: confirmed person track vs truth at each update by a subject",
            "#   sighting; raw error: every subject sighting vs truth. False confirmed tracks per drone flight-hour.",
            "# model POS and flown/available: the same cases flown again 'dry' (cameras off, the whole hour): model POS = the",
            "#   map's own tally (ModelAccount: diffused, every footprint applied with its W) at 60 min, mean over runs; flown =",
            "#   airborne drone-seconds over the drone-seconds the sortie pattern allows in the hour (SearchOptimum).",
            "# optimum: Charnes-Cooper/Stone water-filling of the whole hour's effort (search seconds x 8 m/s x W, transit",
            "#   ignored) over the initial map, stationary subject; 'moving bound': union over sortie windows of each window's",
            "#   optimum on the map diffused to its start (an upper bound if the subject is still within a window; loose).",
            "# --roads: 4 straight 18 km roads per case (one through the LKP, three 0.3-3 km from it); the subject's distance is",
            "#   drawn as above, then with probability MapFeatures.DEMENTIA_SHARE_ON_ROADS (0.59, Grampian 2007) he is where",
            "#   that circle crosses a road, walking along it at 0.28 m/s; A's map (and the optimum's) is told of the roads",
            "#   (withLinearFeatures, 25 m corridors, the same 0.59 per distance ring); B ignores them.");

    @Option(names = "--runs", defaultValue = "50", description = "seeded cases (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "base seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--results", defaultValue = "bench/results/search-effectiveness.txt",
            description = "file the table is appended to (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = "--per-run", description = "also print each run's outcome (not written to the results file)")
    boolean perRun;

    @Option(names = "--night", description = "fly the cases at night (cameras and sweep widths as at night)")
    boolean night;

    @Option(names = "--roads", description = "cases with roads: the map is told of them and 59 % of subjects are on one")
    boolean roads;

    @Option(names = "--last-seen-min", defaultValue = "NaN",
            description = "minutes from last seen to the search's start: subjects are drawn within their reach and the map is"
                    + " limited to it (default: unknown, no limit)")
    double lastSeenMin;

    @Option(names = "--swap-min", defaultValue = "5",
            description = "minutes on the ground for a battery swap between sorties (default: ${DEFAULT-VALUE})")
    double swapMin;

    @Option(names = "--drones", defaultValue = "4",
            description = "drones searching, 1..32, thermal first, then visual (default: ${DEFAULT-VALUE})")
    int drones;

    @Option(names = "--pack-min", defaultValue = "20",
            description = "flight time on a full pack, minutes, 1..120 (default: ${DEFAULT-VALUE}, SearchProfile.defaults());"
                    + " the sorties keep the same 20 % reserve")
    double packMin;

    @Option(names = "--cruise-mps", defaultValue = "8",
            description = "search speed, m/s, 2..25 (default: ${DEFAULT-VALUE})")
    double cruiseMps;

    @Option(names = "--no-second-look", description = "drones do not turn back for a second look at a track one hit short"
            + " of confirming (the live search does; this measures what the looks are worth)")
    boolean noSecondLook;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SearchEffectivenessBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        SearchConditions conditions;
        try {
            conditions = new SearchConditions(night, (int) Math.round(swapMin * 60), false, roads, lastSeenMin * 60, drones,
                    !noSecondLook, packMin * 60, cruiseMps);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Result result = run(runs, seed, conditions);
        Map<SearchStrategy, List<TrialOutcome>> outcomes = result.outcomes();
        double wallS = (System.nanoTime() - t0) / 1e9;
        String text = String.format(Locale.ROOT, "# skyfleet bench search %s, runs %d, seed %d, %d drones, %s%s%s%s, swap %.1f min, pack %.0f min, %.0f m/s, %d cores, java %s, wall %.1f s%n",
                Instant.now(), runs, seed, drones, night ? "NIGHT" : "day", roads ? ", ROADS" : "",
                Double.isNaN(lastSeenMin) ? "" : String.format(Locale.ROOT, ", last seen %.0f min before", lastSeenMin),
                noSecondLook ? ", NO SECOND LOOK" : "", swapMin, packMin, cruiseMps, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), wallS) + METHOD + "\n" + table(result);
        if (perRun) {
            outcomes.forEach((strategy, list) -> {
                for (int i = 0; i < list.size(); i++) {
                    System.out.println(strategy.name() + " run " + i + ": " + list.get(i));
                }
            });
        }
        System.out.print(text);
        if (results.getParent() != null) {
            Files.createDirectories(results.getParent());
        }
        Files.writeString(results, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("appended to " + results.toAbsolutePath());
        return 0;
    }

    /** What {@link #run} measured: each strategy's real runs and dry runs, and the optimum for the same drones. */
    record Result(Map<SearchStrategy, List<TrialOutcome>> outcomes, Map<SearchStrategy, List<TrialOutcome>> dry,
                  SearchOptimum optimum) {}

    /** The cases for seeds seed·1,000,003 + i, i < runs, each under both strategies, real and dry, on all cores. */
    static Result run(int runs, long seed, SearchConditions conditions) throws Exception {
        DistanceQuantiles q = LostPersonStatistics.bundled().forCategory(SubjectCategory.DEMENTIA);
        double reachM = SearchPrior.reachM(SubjectMobility.of(SubjectCategory.DEMENTIA), conditions.sinceLastSeenS());
        DistanceDistribution distances = Double.isInfinite(reachM) ? DistanceDistribution.of(q) : DistanceDistribution.of(q).within(reachM);
        List<SearchScenario> cases = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long caseSeed = seed * 1_000_003L + i;
            cases.add(conditions.roads()
                    ? SearchScenario.drawWithRoads(caseSeed, distances, SearchPrior.shareOnRoads(SubjectCategory.DEMENTIA))
                    : SearchScenario.draw(caseSeed, distances));
        }
        return run(cases, q, conditions);
    }

    static Result run(List<SearchScenario> cases, DistanceQuantiles q, SearchConditions conditions) throws Exception {
        SearchProfile profile = conditions.profile();
        MissionPlanner planner = new MissionPlanner();
        SortieAllocator allocator = new SortieAllocator(planner, ReservePolicy.DEFAULT, SearchTrial.CLIMB_MPS);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Map<SearchStrategy, List<Future<TrialOutcome>>> real = new EnumMap<>(SearchStrategy.class);
            Map<SearchStrategy, List<Future<TrialOutcome>>> dry = new EnumMap<>(SearchStrategy.class);
            for (SearchStrategy s : SearchStrategy.values()) {
                List<Future<TrialOutcome>> r = new ArrayList<>(), d = new ArrayList<>();
                for (SearchScenario c : cases) {
                    r.add(pool.submit(() -> trial(c, s, q, profile, planner, allocator, conditions)));
                    d.add(pool.submit(() -> trial(c, s, q, profile, planner, allocator, conditions.asDry())));
                }
                real.put(s, r);
                dry.put(s, d);
            }
            double budgetS = profile.fullBatteryFlightS() - ReservePolicy.DEFAULT.reserveS(profile.fullBatteryFlightS());
            double[] w = java.util.Arrays.stream(conditions.cameras()).mapToDouble(p -> SweepWidths.effectiveSweepWidthM(
                    SearchConditions.sensor(p), conditions.night(), profile.camera().footprintWidthM())).toArray();
            List<Future<SearchOptimum>> optima = new ArrayList<>();
            for (SearchScenario c : cases) {
                optima.add(pool.submit(() -> SearchOptimum.of(initialMap(c, q, conditions), SubjectMobility.of(SubjectCategory.DEMENTIA), w,
                        budgetS, conditions.batterySwapS(), 2 * profile.camera().altitudeAglM() / SearchTrial.CLIMB_MPS,
                        profile.cruiseSpeedMps(), SearchTrial.CAP_S)));
            }
            double stationary = 0, moving = 0, available = 0, effort = 0;
            for (Future<SearchOptimum> f : optima) {
                SearchOptimum o = f.get();
                stationary += o.stationaryPos() / cases.size();
                moving += o.movingUpperBound() / cases.size();
                available = o.availableDroneS();
                effort = o.effortM2();
            }
            SearchOptimum optimum = new SearchOptimum(stationary, moving, available, effort);
            return new Result(collect(real), collect(dry), optimum);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<SearchStrategy, List<TrialOutcome>> collect(Map<SearchStrategy, List<Future<TrialOutcome>>> futures)
            throws Exception {
        Map<SearchStrategy, List<TrialOutcome>> out = new EnumMap<>(SearchStrategy.class);
        for (var e : futures.entrySet()) {
            List<TrialOutcome> list = new ArrayList<>();
            for (Future<TrialOutcome> f : e.getValue()) {
                list.add(f.get());
            }
            out.put(e.getKey(), list);
        }
        return out;
    }

    /** Each drone's search profile: the defaults with its camera's sweep width for the light. */
    static Map<String, SearchProfile> profiles(SearchProfile profile, SearchConditions conditions) {
        Map<String, SearchProfile> out = new HashMap<>();
        CameraPreset[] cameras = conditions.cameras();
        for (int i = 0; i < cameras.length; i++) {
            double w = SweepWidths.effectiveSweepWidthM(SearchConditions.sensor(cameras[i]), conditions.night(),
                    profile.camera().footprintWidthM());
            out.put("drone-" + (i + 1), new SearchProfile(profile.camera(), w, profile.cruiseSpeedMps(),
                    profile.fullBatteryFlightS(), profile.minLaunchPercent(), profile.orbitRadiusM(), profile.handoverPercent()));
        }
        return out;
    }

    /**
     * The case's map as the live server builds it ({@link SearchPrior}): the category's distances around the LKP,
     * limited to the reach since last seen when the conditions give that time, with the case's roads attracting.
     */
    static ProbabilityMap initialMap(SearchScenario c, DistanceQuantiles q, SearchConditions conditions) {
        return SearchPrior.of(c.lastKnownPoint(), q, SubjectCategory.DEMENTIA, SubjectMobility.of(SubjectCategory.DEMENTIA),
                conditions.sinceLastSeenS(), frame -> c.roadsM().isEmpty() ? MapFeatures.none()
                        : new MapFeatures(c.roadsLocal(), new org.locationtech.jts.geom.GeometryFactory().createPolygon()));
    }

    static TrialOutcome trial(SearchScenario c, SearchStrategy s, DistanceQuantiles q, SearchProfile profile,
                              MissionPlanner planner, SortieAllocator allocator, SearchConditions conditions) {
        ProbabilityMap initial = initialMap(c, q, conditions);
        SubjectMobility mobility = SubjectMobility.of(SubjectCategory.DEMENTIA);
        Map<String, SearchProfile> profiles = profiles(profile, conditions);
        ModelAccount account = new ModelAccount(initial, mobility, profiles);
        if (s == SearchStrategy.PROBABILITY) {
            ProbabilitySorties a = new ProbabilitySorties(c, initial, profile, profiles, mobility, allocator);
            return new SearchTrial(c, profile, a.frame(), a, conditions, account).run();
        }
        LawnmowerSorties b = new LawnmowerSorties(c, q, profile, planner);
        return new SearchTrial(c, profile, b.frame(), b, conditions, account).run();
    }

    static String table(Result result) {
        SearchOptimum opt = result.optimum();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# optimum for these drones (mean over the cases): %.3f stationary (Charnes-Cooper, effort %.2f km2); moving-subject"
                + " upper bound %.3f (union over sortie windows, loose); drone-seconds available %.0f%n",
                opt.stationaryPos(), opt.effortM2() / 1e6, opt.movingUpperBound(), opt.availableDroneS()));
        sb.append(String.format(Locale.ROOT, "%-26s | %-9s | %-9s | %-12s | %-10s | %-12s | %-16s | %-14s | %-14s | %-11s | %-10s | %-19s | %-14s%n",
                "strategy", "found<=30", "found<=60", "f60/optimum", "model POS", "POS/optimum", "flown/available",
                "med det min", "med arr min", "track err m", "raw err m", "false conf/fl-h", "2nd looks/fl-h"));
        for (var e : result.outcomes().entrySet()) {
            List<TrialOutcome> o = e.getValue();
            List<TrialOutcome> dry = result.dry().get(e.getKey());
            double f30 = foundWithin(o, 1800);
            double f60 = foundWithin(o, SearchTrial.CAP_S);
            double modelPos = dry.stream().mapToDouble(TrialOutcome::modelPos).average().orElse(0);
            double flownS = dry.stream().mapToDouble(TrialOutcome::flightS).average().orElse(0);
            double trackErr = o.stream().mapToDouble(TrialOutcome::trackErrorSumM).sum()
                    / Math.max(1, o.stream().mapToInt(TrialOutcome::trackErrorCount).sum());
            double rawErr = o.stream().mapToDouble(TrialOutcome::rawErrorSumM).sum()
                    / Math.max(1, o.stream().mapToInt(TrialOutcome::rawErrorCount).sum());
            double flightH = o.stream().mapToDouble(TrialOutcome::flightS).sum() / 3600;
            int falseTracks = o.stream().mapToInt(TrialOutcome::falseConfirmed).sum();
            int looks = o.stream().mapToInt(TrialOutcome::secondLooks).sum();
            sb.append(String.format(Locale.ROOT, "%-26s | %-9s | %-9s | %-12.2f | %-10.3f | %-12.2f | %-16s | %-14s | %-14s | %-11.1f | %-10.1f | %-19s | %.1f%n",
                    e.getKey().label, pct(f30), pct(f60), f60 / opt.stationaryPos(), modelPos, modelPos / opt.stationaryPos(),
                    String.format(Locale.ROOT, "%.2f (%.0f s)", flownS / opt.availableDroneS(), flownS),
                    median(o.stream().mapToInt(TrialOutcome::detectionS).toArray()),
                    median(o.stream().mapToInt(TrialOutcome::arrivalS).toArray()), trackErr, rawErr,
                    String.format(Locale.ROOT, "%.3f (%d in %.1f h)", falseTracks / Math.max(1e-9, flightH), falseTracks, flightH),
                    looks / Math.max(1e-9, flightH)));
        }
        return sb.toString();
    }

    /** A share 0..1, two decimals. */
    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.2f", share);
    }

    /**
     * Median in minutes over all runs, a missing event (-1) counting as beyond the cap, followed by the median
     * over the runs where it happened, e.g. "> 60 (7.9)".
     */
    static String median(int[] seconds) {
        double[] all = new double[seconds.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = seconds[i] < 0 ? Double.POSITIVE_INFINITY : seconds[i];
        }
        double[] happened = java.util.Arrays.stream(seconds).filter(x -> x >= 0).asDoubleStream().toArray();
        double m = middle(all);
        String overAll = Double.isInfinite(m) ? "> 60" : String.format(Locale.ROOT, "%.1f", m / 60);
        return happened.length == 0 ? overAll + " (-)"
                : overAll + String.format(Locale.ROOT, " (%.1f)", middle(happened) / 60);
    }

    private static double middle(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Share of runs detected within the given simulated seconds. */
    static double foundWithin(List<TrialOutcome> o, int seconds) {
        return o.stream().filter(r -> r.detectionS() >= 0 && r.detectionS() <= seconds).count() / (double) o.size();
    }
}
