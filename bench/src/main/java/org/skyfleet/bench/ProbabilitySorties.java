package org.skyfleet.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.skyfleet.fleet.search.Allocation;
import org.skyfleet.fleet.search.CandidateDrone;
import org.skyfleet.fleet.search.DistanceQuantiles;
import org.skyfleet.fleet.search.DroneAssignment;
import org.skyfleet.fleet.search.FlownSample;
import org.skyfleet.fleet.search.ProbabilityMap;
import org.skyfleet.fleet.search.SearchAllocator;
import org.skyfleet.fleet.search.SearchSegment;
import org.skyfleet.planner.Plan;
import org.skyfleet.planner.Waypoint;
import org.skyfleet.planner.airspace.Airspace;
import org.skyfleet.planner.geo.GeoPoint;
import org.skyfleet.planner.geo.LocalFrame;
import org.skyfleet.server.automation.SearchEffort;
import org.skyfleet.server.automation.SearchProfile;
import org.skyfleet.server.automation.SearchSegmentation;

/**
 * (A) SkyFleet's search as the server runs it: the category's probability map around the LKP, cut into
 * segments, one segment per drone by {@link SearchAllocator}; a drone back from its first sortie is, after
 * the battery swap (back to 100 %), allocated once more over the map updated with every drone's flown
 * footprint so far, leaving out the segments other drones are still flying (the server's re-plan).
 */
final class ProbabilitySorties implements SearchTrial.Sorties {
    private final SearchProfile profile;
    private final SearchAllocator allocator;
    private final GeoPoint lkp;
    private final GeoPoint commandPost;
    private final LocalFrame frame;
    private ProbabilityMap map;
    private final Map<String, String> segmentOfDrone = new HashMap<>();

    ProbabilitySorties(SearchScenario scenario, DistanceQuantiles quantiles, SearchProfile profile, SearchAllocator allocator) {
        this.profile = profile;
        this.allocator = allocator;
        this.lkp = scenario.lastKnownPoint();
        this.map = ProbabilityMap.around(lkp, quantiles);
        this.frame = map.frame();
        this.commandPost = frame.toGeo(scenario.commandPostM()[0], scenario.commandPostM()[1]);
    }

    LocalFrame frame() {
        return frame;
    }

    @Override
    public Map<String, List<double[]>> firstWave(List<BenchDrone> drones) {
        List<CandidateDrone> candidates = drones.stream().map(this::candidate).toList();
        return routes(allocator.allocate(candidates, SearchSegmentation.of(map), lkp, Airspace.OPEN));
    }

    @Override
    public Optional<List<double[]>> next(BenchDrone drone, Map<String, List<FlownSample>> flown, List<BenchDrone> all) {
        map = updateMap(map, flown, profile);
        segmentOfDrone.remove(drone.id);
        Set<String> inHand = new HashSet<>();
        for (BenchDrone d : all) {
            if (d.airborne() && segmentOfDrone.containsKey(d.id)) {
                inHand.add(segmentOfDrone.get(d.id));
            }
        }
        List<SearchSegment> open = SearchSegmentation.open(map, inHand);
        Map<String, List<double[]>> r = routes(allocator.allocate(List.of(candidate(drone)), open, lkp, Airspace.OPEN));
        return Optional.ofNullable(r.get(drone.id));
    }

    /** Sized as the server's FreeDrones sizes a drone, at 100 % after the battery swap. */
    private CandidateDrone candidate(BenchDrone d) {
        return profile.candidate(d.id, commandPost, 100);
    }

    private Map<String, List<double[]>> routes(Allocation allocation) {
        Map<String, List<double[]>> out = new HashMap<>();
        for (DroneAssignment a : allocation.assignments()) {
            segmentOfDrone.put(a.droneId(), a.segment().id());
            out.put(a.droneId(), local(a.plan(), frame));
        }
        return out;
    }

    /** Applies every drone's samples since the last update to the map, as the server's map update does. */
    static ProbabilityMap updateMap(ProbabilityMap map, Map<String, List<FlownSample>> flown, SearchProfile profile) {
        for (List<FlownSample> s : flown.values()) {
            try {
                map = SearchEffort.apply(map, s, profile);
            } catch (IllegalStateException e) {
                // as the server: the map is left as it was
            }
        }
        return map;
    }

    /** The first route's waypoints in the frame, metres. */
    static List<double[]> local(Plan plan, LocalFrame frame) {
        return local(plan.routes().get(0).waypoints(), frame);
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
