package org.skyfleet.fleet.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.skyfleet.planner.MissionPlanner;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.PlanRequest;
import org.skyfleet.planner.PlanningException;
import org.skyfleet.planner.SplitPolicy;
import org.skyfleet.planner.VehicleKind;
import org.skyfleet.planner.VehicleProfile;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.energy.EnergyModel;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;

/**
 * Gives each drone the search segment that buys the most probability per second of its flight.
 *
 * <p>Steps: drones are taken closest to the last known point first (greedy). For a drone, every segment
 * not yet given away is scored P(segment) / t, with the estimate t = 2 · transit / speed + area /
 * (track spacing · speed) + climb and descent; a segment whose t plus the reserve exceeds the usable flight
 * time is skipped. The best-scoring segments are handed to {@link MissionPlanner} as a COVERAGE plan, so its
 * airspace rules (routing around exclusion zones, the energy check with the reserve) decide; the first
 * plan it returns is taken; should it refuse all of them, the best by the fuller count {@link #sweepS} (which
 * short packs need) are tried too. The plan's coverage ratio gives the segment's coverage C = ratio · W / spacing
 * and POD = 1 − exp(−C). A drone gets one segment.
 *
 * <p>A drone is left out when every segment is given away (NO_SEGMENT_LEFT), when no segment is within a
 * round trip plus reserve (TOO_FAR), when none can also be swept within it (BATTERY), or when the planner
 * refuses every segment tried (NO_ROUTE, or BATTERY when the planner's energy rule refused).
 */
public final class SearchAllocator {
    /** Segments tried with the planner per drone before giving up on it. */
    static final int MAX_PLAN_TRIES = 4;
    /** Climb and descent rate assumed by default: a search quadcopter's vertical speed, metres per second. */
    public static final double DEFAULT_CLIMB_RATE_MPS = 3.0;

    private final MissionPlanner planner;
    private final ReservePolicy reserve;
    private final double climbRateMps;

    /** The planner's coverage of a segment flies this much more track than its area over the spacing. */
    static final double SWEEP_OVERRUN = 1.2;

    /**
     * Time to sweep a segment of {@code areaM2} once there, as the planner will fly it (the allocator first tries
     * the best segments by the simple count, area / (spacing · speed), then, if the planner refuses them all for
     * the battery, the best by this one): its tracks (a fifth more
     * than area / spacing: they run past the edges to cover them), two turns between tracks (slowing to turn and
     * speeding up again), and from the centre to the first corner and back from the last (about 1.4 sides).
     * Checked against the planner's own figure: a 264 m square at 50 m spacing, 8 m/s, is 294 s here and 307 s
     * there (347 s with its 40 s climb).
     */
    public static double sweepS(double areaM2, double spacingM, double speedMps) {
        double side = Math.sqrt(areaM2);
        double tracksS = SWEEP_OVERRUN * areaM2 / (spacingM * speedMps);
        double turnsS = 2 * (side / spacingM + 1) * speedMps / EnergyModel.DEFAULT.accelerationMps2();
        return tracksS + turnsS + 1.4 * side / speedMps;
    }

    public SearchAllocator() {
        this(new MissionPlanner(), ReservePolicy.DEFAULT, DEFAULT_CLIMB_RATE_MPS);
    }

    /**
     * @param reserve flight time kept back from each drone's usable time
     * @param climbRateMps climb and descent rate assumed for the drones, metres per second
     */
    public SearchAllocator(MissionPlanner planner, ReservePolicy reserve, double climbRateMps) {
        this.planner = planner;
        this.reserve = reserve;
        this.climbRateMps = climbRateMps;
    }

    /**
     * @param drones candidates
     * @param segments the segments, e.g. {@link SearchSegments#of(ProbabilityMap)}
     * @param lastKnownPoint where the search is centred (drones are considered by distance from it)
     * @param airspace zones and altitude limits the plans must respect
     */
    public Allocation allocate(List<CandidateDrone> drones, List<SearchSegment> segments, GeoPoint lastKnownPoint,
                               Airspace airspace) {
        LocalFrame frame = new LocalFrame(lastKnownPoint);
        List<SearchSegment> open = new ArrayList<>(segments);
        List<CandidateDrone> order = new ArrayList<>(drones);
        order.sort(Comparator.comparingDouble(d -> frame.toLocal(d.position()).distance(new Coordinate(0, 0))));
        List<DroneAssignment> assigned = new ArrayList<>();
        List<UnusedDrone> unused = new ArrayList<>();
        for (CandidateDrone d : order) {
            if (open.isEmpty()) {
                unused.add(new UnusedDrone(d.id(), UnusedDrone.Reason.NO_SEGMENT_LEFT,
                        "every segment with probability left is assigned"));
                continue;
            }
            Outcome result = assign(d, open, frame, airspace);
            if (result.assignment() != null) {
                assigned.add(result.assignment());
                open.remove(result.assignment().segment());
            } else {
                unused.add(result.unused());
            }
        }
        double pos = assigned.stream().mapToDouble(DroneAssignment::expectedPos).sum();
        return new Allocation(assigned, unused, pos);
    }

    private record Scored(SearchSegment segment, double timeS, double score) {}

    /** Exactly one of the two is set. */
    private record Outcome(DroneAssignment assignment, UnusedDrone unused) {
        static Outcome left(String id, UnusedDrone.Reason reason, String detail) {
            return new Outcome(null, new UnusedDrone(id, reason, detail));
        }
    }

    private Outcome assign(CandidateDrone d, List<SearchSegment> open, LocalFrame frame, Airspace airspace) {
        double spacingM = d.camera().sweepWidthM();
        double reserveS = reserve.reserveS(d.usableFlightTimeS());
        double climbS = 2 * d.camera().altitudeAglM() / climbRateMps;
        Coordinate at = frame.toLocal(d.position());
        List<Scored> fits = new ArrayList<>();
        // the planner's fuller count of the sweep: tried when none of the best by the simple one fits the battery
        List<Scored> surelyFit = new ArrayList<>();
        double nearestRoundTripS = Double.MAX_VALUE;
        for (SearchSegment s : open) {
            double transitS = 2 * at.distance(s.local().getCentroid().getCoordinate()) / d.cruiseSpeedMps() + climbS;
            nearestRoundTripS = Math.min(nearestRoundTripS, transitS);
            double t = transitS + s.areaM2() / (spacingM * d.cruiseSpeedMps());
            if (t + reserveS <= d.usableFlightTimeS()) {
                fits.add(new Scored(s, t, s.probability() / t));
            }
            double full = transitS + sweepS(s.areaM2(), spacingM, d.cruiseSpeedMps());
            if (full + reserveS <= d.usableFlightTimeS()) {
                surelyFit.add(new Scored(s, full, s.probability() / full));
            }
        }
        if (fits.isEmpty()) {
            boolean tooFar = nearestRoundTripS + reserveS > d.usableFlightTimeS();
            return Outcome.left(d.id(), tooFar ? UnusedDrone.Reason.TOO_FAR : UnusedDrone.Reason.BATTERY,
                    String.format(Locale.ROOT, tooFar
                            ? "the nearest segment is a %.0f s round trip; with the %.0f s reserve that exceeds the %.0f s usable"
                            : "reaches segments (%.0f s round trip) but sweeping any of them with the %.0f s reserve exceeds the %.0f s usable",
                            nearestRoundTripS, reserveS, d.usableFlightTimeS()));
        }
        fits.sort(Comparator.comparingDouble(Scored::score).reversed());
        surelyFit.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> tries = new ArrayList<>(fits.subList(0, Math.min(MAX_PLAN_TRIES, fits.size())));
        surelyFit.stream().filter(s -> tries.stream().noneMatch(t -> t.segment() == s.segment())).limit(MAX_PLAN_TRIES)
                .forEach(tries::add);
        VehicleProfile vehicle = new VehicleProfile(d.id(), VehicleKind.MULTICOPTER, d.position(), d.position(),
                d.cruiseSpeedMps(), climbRateMps, d.usableFlightTimeS(), 100);
        List<String> refusals = new ArrayList<>();
        boolean energyRefused = false;
        for (Scored s : tries) {
            try {
                Plan plan = planner.plan(PlanRequest.coverage(s.segment().area(), d.camera(), List.of(vehicle), airspace,
                        SplitPolicy.FIRST_VEHICLE).withReserve(reserve));
                double coverage = plan.metrics().coverageRatio() * d.effectiveSweepWidthM() / spacingM;
                double pod = Detection.pod(coverage);
                return new Outcome(new DroneAssignment(d.id(), s.segment(), plan, coverage, pod,
                        s.segment().probability() * pod), null);
            } catch (PlanningException e) {
                energyRefused |= e.violations().stream().anyMatch(v -> v.rule().equals("energy"))
                        || e.getMessage().contains("reserve");
                refusals.add(s.segment().id() + ": " + e.getMessage());
            }
        }
        return Outcome.left(d.id(), energyRefused ? UnusedDrone.Reason.BATTERY : UnusedDrone.Reason.NO_ROUTE,
                String.join("; ", refusals));
    }
}
