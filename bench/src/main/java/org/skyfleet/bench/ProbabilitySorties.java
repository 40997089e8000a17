package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skyfleet.fleet.search.CandidateDrone;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SortieAllocator;
import org.skyfleet.fleet.search.SortieAssignment;
import org.skyfleet.fleet.search.SubjectMobility;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.planner.energy.ReservePolicy;
import org.skyfleet.server.automation.SearchEffort;
import org.skyfleet.server.automation.SearchSegmentation;
import org.skyfleet.server.automation.SearchProfile;

/**
 * (A) SkyFleet's search with continuous re-allocation: the category's probability map around the LKP; at the
 * start every drone gets a battery's worth of segments from {@link SortieAllocator}; whenever a drone is free
 * again (landed, battery swapped, back to 100 %), the map is diffused by the subject's mobility to now, every
 * drone's flown footprint so far is applied (each with its camera's sweep width), and the drone gets its next
 * sortie over that map, leaving out the segments other drones hold.
 */
final class ProbabilitySorties implements SearchTrial.Sorties {
    private final SearchProfile profile;
    private final Map<String, SearchProfile> profileOfDrone;
    private final SortieAllocator allocator;
    private final SubjectMobility mobility;
    private final GeoPoint commandPost;
    private final LocalFrame frame;
    private ProbabilityMap map;
    private int mapAtS;
    /** The live server's rule for the segment side ({@link SearchSegmentation#sortieSideFor}). */
    private double sideM = SortieAllocator.DEFAULT_SEGMENT_SIDE_M;
    private final Map<String, List<String>> segmentsOfDrone = new HashMap<>();

    ProbabilitySorties(SearchScenario scenario, ProbabilityMap initial, SearchProfile profile,
                       Map<String, SearchProfile> profileOfDrone, SubjectMobility mobility, SortieAllocator allocator) {
        this.profile = profile;
        this.profileOfDrone = profileOfDrone;
        this.allocator = allocator;
        this.mobility = mobility;
        this.map = initial;
        this.frame = map.frame();
        this.commandPost = frame.toGeo(scenario.commandPostM()[0], scenario.commandPostM()[1]);
    }

    LocalFrame frame() {
        return frame;
    }

    @Override
    public Map<String, List<double[]>> firstWave(List<BenchDrone> drones) {
        List<CandidateDrone> candidates = drones.stream().map(this::candidate).toList();
        sideM = SearchSegmentation.sortieSideFor(candidates, ReservePolicy.DEFAULT, map.grid().cellSizeM());
        Map<String, List<double[]>> out = new HashMap<>();
        for (SortieAssignment a : allocator.allocate(candidates, map, Set.of(), sideM, Airspace.OPEN)) {
            segmentsOfDrone.put(a.droneId(), a.segmentIds());
            out.put(a.droneId(), local(a.route(), frame));
        }
        return out;
    }

    @Override
    public Optional<List<double[]>> next(BenchDrone drone, Map<String, List<FlownSample>> flown, List<BenchDrone> all,
                                         int nowS) {
        map = map.diffused(mobility, nowS - mapAtS);
        mapAtS = nowS;
        for (var e : flown.entrySet()) {
            try {
                map = SearchEffort.apply(map, e.getValue(), profileOfDrone.get(e.getKey()));
            } catch (IllegalStateException ex) {
                // as the server: the map is left as it was
            }
        }
        segmentsOfDrone.remove(drone.id);
        Set<String> inHand = new HashSet<>();
        for (BenchDrone d : all) {
            if (d.airborne() && segmentsOfDrone.containsKey(d.id)) {
                inHand.addAll(segmentsOfDrone.get(d.id));
            }
        }
        return allocator.allocate(candidate(drone), map, inHand, sideM, Airspace.OPEN)
                .map(a -> {
                    segmentsOfDrone.put(a.droneId(), a.segmentIds());
                    return local(a.route(), frame);
                });
    }

    /**
     * Sized as the server's FreeDrones sizes a drone, at 100 % after the battery swap, with its own camera's
     * sweep width.
     */
    private CandidateDrone candidate(BenchDrone d) {
        CandidateDrone c = profile.candidate(d.id, commandPost, 100);
        return new CandidateDrone(c.id(), c.position(), c.usableFlightTimeS(), c.cruiseSpeedMps(), c.camera(),
                profileOfDrone.get(d.id).effectiveSweepWidthM());
    }

    static List<double[]> local(List<Waypoint> waypoints, LocalFrame frame) {
        List<double[]> out = new ArrayList<>(waypoints.size());
        for (Waypoint w : waypoints) {
            var c = frame.toLocal(new GeoPoint(w.latDeg(), w.lonDeg()));
            out.add(new double[] {c.x, c.y});
        }
        return out;
    }
}
