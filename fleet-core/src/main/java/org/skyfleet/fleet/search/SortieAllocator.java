package org.skyfleet.fleet.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.SplitPolicy;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.WaypointAction;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.energy.ReservePolicy;

/**
 * Continuous re-allocation: whenever a drone is free (launched, back from a battery swap), it gets a whole
 * battery's worth of search over the map as it stands now, rather than one segment per wave.
 *
 * <p>The caller keeps the map current: every flown footprint applied as it is flown
 * ({@link ProbabilityMap#applySearchEffort}: Koopman POD, p' = p (1 − POD) renormalised) and the map diffused by
 * the time passed ({@link ProbabilityMap#diffused}). Then, for one drone:
 * <ol>
 *   <li>the map is cut into segments of {@code segmentSideM} ({@link SearchSegments}); those another drone holds
 *       ({@code inHand}) are left out;</li>
 *   <li>greedy chain: from where the drone is, each open segment is scored P · POD / (transit + sweep), with POD
 *       = 1 − exp(−W / spacing) (one full coverage) and the sweep as {@link SearchAllocator#sweepS} counts it;
 *       the best one that still leaves the way home and the reserve within the usable flight time is taken, the
 *       drone is then at its centre, and so on until nothing more fits;</li>
 *   <li>each chosen segment is planned by the {@link MissionPlanner} (COVERAGE, so airspace and energy rules
 *       apply); a segment it refuses is dropped from the chain;</li>
 *   <li>the legs' waypoints are joined into one route.</li>
 * </ol>
 * Greedy by rate is not optimal; {@link OptimalEffort} gives the bound to compare it with. Transits between legs
 * are straight lines, which the planner has not checked against zones: with any inclusion or exclusion zone in
 * the airspace a sortie is one leg (the planner's own route from home and back).
 *
 * <p>Degenerate cases: no open segment, or none that fits the battery with the way home, gives no sortie.
 */
public final class SortieAllocator {
    /**
     * Segment side for continuous allocation, metres: small enough that a 16-minute budget holds three or four
     * (so the battery is used, and effort goes where the probability is dense), large enough that a planner call
     * per segment stays cheap.
     */
    public static final double DEFAULT_SEGMENT_SIDE_M = 250;

    private final MissionPlanner planner;
    private final ReservePolicy reserve;
    private final double climbRateMps;

    public SortieAllocator() {
        this(new MissionPlanner(), ReservePolicy.DEFAULT, SearchAllocator.DEFAULT_CLIMB_RATE_MPS);
    }

    public SortieAllocator(MissionPlanner planner, ReservePolicy reserve, double climbRateMps) {
        this.planner = planner;
        this.reserve = reserve;
        this.climbRateMps = climbRateMps;
    }

    /**
     * The next sortie for one free drone.
     *
     * @param drone the free drone, sized for its charge now
     * @param map the map updated with every footprint flown so far (and diffused to now)
     * @param inHand segment ids (at this side) other drones are flying or about to fly
     * @param segmentSideM segment side, metres ({@link #DEFAULT_SEGMENT_SIDE_M})
     * @param airspace zones and altitude limits the plans must respect
     * @return empty when nothing fits
     */
    public Optional<SortieAssignment> allocate(CandidateDrone drone, ProbabilityMap map, Set<String> inHand,
                                               double segmentSideM, Airspace airspace) {
        List<SearchSegment> open = new ArrayList<>(SearchSegments.of(map, segmentSideM).stream()
                .filter(s -> !inHand.contains(s.id())).toList());
        List<SearchSegment> chain = chain(drone, open, map);
        if (!airspace.inclusions().isEmpty() || !airspace.exclusions().isEmpty()) {
            // the planner routes each leg around zones from home, not from the leg before: fly one leg only
            chain = chain.isEmpty() ? chain : chain.subList(0, 1);
        }
        List<DroneAssignment> legs = new ArrayList<>();
        VehicleProfile vehicle = new VehicleProfile(drone.id(), VehicleKind.MULTICOPTER, drone.position(),
                drone.position(), drone.cruiseSpeedMps(), climbRateMps, drone.usableFlightTimeS(), 100);
        double spacingM = drone.camera().sweepWidthM();
        for (SearchSegment s : chain) {
            try {
                Plan plan = planner.plan(PlanRequest.coverage(s.area(), drone.camera(), List.of(vehicle), airspace,
                        SplitPolicy.FIRST_VEHICLE).withReserve(reserve));
                double coverage = plan.metrics().coverageRatio() * drone.effectiveSweepWidthM() / spacingM;
                double pod = Detection.pod(coverage);
                legs.add(new DroneAssignment(drone.id(), s, plan, coverage, pod, s.probability() * pod));
            } catch (PlanningException e) {
                // this segment cannot be flown (zones, energy from home): the chain goes on without it
            }
        }
        if (legs.isEmpty()) {
            return Optional.empty();
        }
        double pos = legs.stream().mapToDouble(DroneAssignment::expectedPos).sum();
        return Optional.of(new SortieAssignment(drone.id(), legs, join(legs), pos, flightS(drone, legs.stream().map(DroneAssignment::segment).toList(), map)));
    }

    /**
     * Sorties for several free drones at once (the first wave, or drones freed together): one after the other,
     * closest to the last known point first, each leaving out the segments given to the ones before.
     */
    public List<SortieAssignment> allocate(List<CandidateDrone> drones, ProbabilityMap map, Set<String> inHand,
                                           double segmentSideM, Airspace airspace) {
        Set<String> held = new HashSet<>(inHand);
        List<CandidateDrone> order = new ArrayList<>(drones);
        order.sort(java.util.Comparator.comparingDouble(d -> map.frame().toLocal(d.position()).distance(new Coordinate(0, 0))));
        List<SortieAssignment> out = new ArrayList<>();
        for (CandidateDrone d : order) {
            allocate(d, map, held, segmentSideM, airspace).ifPresent(s -> {
                out.add(s);
                held.addAll(s.segmentIds());
            });
        }
        return out;
    }

    private List<SearchSegment> chain(CandidateDrone d, List<SearchSegment> open, ProbabilityMap map) {
        double usableS = d.usableFlightTimeS() - reserve.reserveS(d.usableFlightTimeS());
        double speed = d.cruiseSpeedMps();
        double spacingM = d.camera().sweepWidthM();
        double pod = Detection.pod(d.effectiveSweepWidthM() / spacingM);
        Coordinate home = map.frame().toLocal(d.position());
        Coordinate at = home;
        double usedS = 2 * d.camera().altitudeAglM() / climbRateMps;
        List<SearchSegment> chain = new ArrayList<>();
        while (true) {
            SearchSegment best = null;
            double bestScore = 0, bestLegS = 0;
            for (SearchSegment s : open) {
                Coordinate c = s.local().getCentroid().getCoordinate();
                double legS = at.distance(c) / speed + SearchAllocator.sweepS(s.areaM2(), spacingM, speed);
                if (usedS + legS + c.distance(home) / speed > usableS) {
                    continue;
                }
                double score = s.probability() * pod / legS;
                if (score > bestScore) {
                    best = s;
                    bestScore = score;
                    bestLegS = legS;
                }
            }
            if (best == null) {
                return chain;
            }
            chain.add(best);
            open.remove(best);
            usedS += bestLegS;
            at = best.local().getCentroid().getCoordinate();
        }
    }

    /** Climb and descent, each transit, each sweep and the way home, seconds, as the chain counts them. */
    private double flightS(CandidateDrone d, List<SearchSegment> chain, ProbabilityMap map) {
        double speed = d.cruiseSpeedMps();
        Coordinate home = map.frame().toLocal(d.position());
        Coordinate at = home;
        double s = 2 * d.camera().altitudeAglM() / climbRateMps;
        for (SearchSegment seg : chain) {
            Coordinate c = seg.local().getCentroid().getCoordinate();
            s += at.distance(c) / speed + SearchAllocator.sweepS(seg.areaM2(), d.camera().sweepWidthM(), speed);
            at = c;
        }
        return s + at.distance(home) / speed;
    }

    /** The legs as one mission: take-off once, every transit and survey waypoint, return to launch once. */
    static List<Waypoint> join(List<DroneAssignment> legs) {
        List<Waypoint> out = new ArrayList<>();
        for (int k = 0; k < legs.size(); k++) {
            List<Waypoint> w = legs.get(k).plan().routes().get(0).waypoints();
            boolean last = k == legs.size() - 1;
            for (Waypoint p : w) {
                boolean takeoff = p.action() == WaypointAction.TAKEOFF;
                boolean home = p.action() == WaypointAction.RETURN_TO_LAUNCH || p.action() == WaypointAction.LAND;
                if ((takeoff && k > 0) || (home && !last)) {
                    continue;
                }
                out.add(p);
            }
        }
        return out;
    }
}
